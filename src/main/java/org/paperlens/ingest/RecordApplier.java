package org.paperlens.ingest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.paperlens.paper.CatalogueStore;
import org.paperlens.paper.Paper;
import org.paperlens.paper.PaperVersion;

/**
 * Applies a batch of source records to the catalogue inside one transaction, counting what
 * happened. Shared by file imports, the harvester and on-demand fetches so all have the same
 * semantics, including the one check of field sizes and dates ({@link RecordLimits}).
 */
final class RecordApplier {

  private RecordApplier() {}

  static void apply(CatalogueStore.Writer writer, List<SourceRecord> batch, ImportReport report) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (SourceRecord record : batch) {
      switch (record) {
        case SourceRecord.Found found -> {
          Optional<String> violation = RecordLimits.violation(found.paper(), today);
          if (violation.isPresent()) {
            report.countRead();
            report.skip(found.where(), violation.get());
          } else {
            applyFound(writer, found.paper(), report);
          }
        }
        case SourceRecord.Deleted gone -> {
          report.countRead();
          Optional<String> violation = RecordLimits.violation(gone.on(), today);
          if (violation.isPresent()) {
            report.skip(gone.where(), violation.get());
          } else if (writer.markDeleted(gone.id(), gone.on())) {
            report.countDeleted();
          } else {
            report.skip(gone.where(), "deleted at the source, and not in the catalogue");
          }
        }
        case SourceRecord.Malformed bad -> {
          report.countRead();
          report.skip(bad.where(), bad.reason());
        }
      }
    }
  }

  private static void applyFound(CatalogueStore.Writer writer, Paper incoming, ImportReport report) {
    report.countRead();
    Paper stored = writer.find(incoming.id()).orElse(null);
    Revisions.Merged merged = Revisions.merge(stored, incoming);
    switch (merged.change()) {
      case NEW -> report.countAdded();
      case UPDATED -> report.countUpdated();
      case UNCHANGED -> report.countUnchanged();
    }
    if (merged.change() != Revisions.Change.UNCHANGED) {
      writer.put(merged.paper());
    }
    if (incoming.source() != null) {
      writer.putSource(incoming.id(), incoming.source());
    }
    // Each version a source shows is kept, so a paper's history survives later versions.
    // A deletion notice stays in force: arXiv does not reuse withdrawn identifiers.
    if (incoming.version() > 0) {
      writer.putVersion(PaperVersion.of(incoming));
    }
  }
}
