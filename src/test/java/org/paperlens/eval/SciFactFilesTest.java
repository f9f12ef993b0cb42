package org.paperlens.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.paperlens.testing.SharedData;

/** The real SciFact judgements and queries in ../shared/data (skipped, with a message, when absent). */
class SciFactFilesTest {

  @Test
  void scifact_test_qrels_judge_300_queries_339_times_and_train_919_times() throws IOException {
    Qrels test = Qrels.read(SharedData.require("scifact/qrels/test.tsv"));
    Qrels train = Qrels.read(SharedData.require("scifact/qrels/train.tsv"));

    assertThat(test.queryCount()).isEqualTo(300);
    assertThat(test.judgementCount()).isEqualTo(339);
    assertThat(train.judgementCount()).isEqualTo(919);
    assertThat(train.queryCount()).isEqualTo(809);
  }

  @Test
  void every_judged_scifact_test_query_has_text() throws IOException {
    Queries all = Queries.read(SharedData.require("scifact/queries.jsonl"));
    Qrels test = Qrels.read(SharedData.require("scifact/qrels/test.tsv"));

    assertThat(all.size()).isEqualTo(1109);
    assertThat(all.restrictTo(test).size()).isEqualTo(300);
  }
}
