package org.paperlens.ingest;

import java.time.LocalDate;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperId;

/** What a reader found at one place in its input. */
public sealed interface SourceRecord {

  /** Where in the input the record was: {@code file:line}, or {@code file#record-id}. */
  String where();

  /** A paper, normalised and ready to merge into the catalogue. */
  record Found(Paper paper, String where) implements SourceRecord {}

  /** The source says this paper was withdrawn from it (OAI-PMH {@code status="deleted"}). */
  record Deleted(PaperId id, LocalDate on, String where) implements SourceRecord {}

  /** A record that could not be read; it is skipped and reported, and the import goes on. */
  record Malformed(String where, String reason) implements SourceRecord {}
}
