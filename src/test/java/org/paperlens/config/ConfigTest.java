package org.paperlens.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paperlens.index.VectorQuantization;

class ConfigTest {

  @Test
  void new_accounts_count_in_trending_after_24_hours_unless_the_environment_or_a_flag_says_otherwise() {
    assertThat(Config.resolve(Map.of(), null).newAccountAge()).isEqualTo(Duration.ofHours(24));
    assertThat(Config.resolve(Map.of(Config.NEW_ACCOUNT_HOURS_ENV, "48"), null).newAccountAge()).isEqualTo(Duration.ofHours(48));
    assertThat(Config.resolve(Map.of(Config.NEW_ACCOUNT_HOURS_ENV, "48"), null, 0).newAccountAge()).isEqualTo(Duration.ZERO);
    assertThatThrownBy(() -> Config.resolve(Map.of(Config.NEW_ACCOUNT_HOURS_ENV, "a day"), null))
        .hasMessageContaining(Config.NEW_ACCOUNT_HOURS_ENV).hasMessageContaining("'a day'");
    assertThatThrownBy(() -> Config.resolve(Map.of(), null, -1)).hasMessageContaining("--new-account-hours");
  }

  @Test
  void trusted_proxies_come_from_the_environment_and_the_flag_replaces_them() {
    assertThat(Config.resolve(Map.of(), null).trustedProxies()).isEmpty();
    Config c = Config.resolve(Map.of(Config.TRUSTED_PROXIES_ENV, " 10.0.0.1, ::1 ,"), null);
    assertThat(c.trustedProxies()).containsExactly("10.0.0.1", "::1");
    assertThat(c.withTrustedProxies(List.of("192.0.2.1")).trustedProxies()).containsExactly("192.0.2.1");
    assertThat(c.describe()).contains("trusted proxies 10.0.0.1 ::1", "older than 24 h");
  }

  @Test
  void vectors_are_int8_unless_the_environment_or_a_flag_names_another_quantisation() {
    assertThat(Config.resolve(Map.of(), null).indexSettings().quantization()).isEqualTo(VectorQuantization.INT8);
    Config fromEnv = Config.resolve(Map.of(Config.QUANTIZATION_ENV, "INT4"), null);
    assertThat(fromEnv.indexSettings().quantization()).isEqualTo(VectorQuantization.INT4);
    assertThat(fromEnv.describe()).contains("vectors int4");
    assertThat(Config.resolve(Map.of(Config.QUANTIZATION_ENV, "int4"), null, null, null, "1bit").indexSettings().quantization())
        .isEqualTo(VectorQuantization.BINARY);
    assertThat(Config.resolve(Map.of(), null, null, null, "2bit").indexSettings().quantization()).isEqualTo(VectorQuantization.DIBIT);
    assertThat(Config.resolve(Map.of(), null, null, null, "int7").indexSettings().quantization()).isEqualTo(VectorQuantization.INT7);
    assertThatThrownBy(() -> Config.resolve(Map.of(Config.QUANTIZATION_ENV, "int3"), null))
        .hasMessageContaining(Config.QUANTIZATION_ENV).hasMessageContaining("'int3'").hasMessageContaining("int8, int7, int4, 2bit, 1bit");
    assertThatThrownBy(() -> Config.resolve(Map.of(), null, null, null, "float")).hasMessageContaining("--quantization")
        .hasMessageContaining("'float'");
  }

  @Test
  void trending_needs_twenty_voters_unless_the_environment_or_a_flag_says_otherwise() {
    assertThat(Config.resolve(Map.of(), null).trendingMinVoters()).isEqualTo(20);
    Config fromEnv = Config.resolve(Map.of(Config.TRENDING_MIN_VOTERS_ENV, " 5 "), null);
    assertThat(fromEnv.trendingMinVoters()).isEqualTo(5);
    assertThat(fromEnv.withTrendingMinVoters("0", "--trending-min-voters").trendingMinVoters()).isZero();
    assertThat(fromEnv.withDataDir(java.nio.file.Path.of("x")).trendingMinVoters()).as("kept by copies").isEqualTo(5);
    assertThatThrownBy(() -> Config.resolve(Map.of(Config.TRENDING_MIN_VOTERS_ENV, "many"), null))
        .hasMessageContaining(Config.TRENDING_MIN_VOTERS_ENV).hasMessageContaining("'many'");
    assertThatThrownBy(() -> Config.resolve(Map.of(), null).withTrendingMinVoters("-1", "--trending-min-voters"))
        .hasMessageContaining("--trending-min-voters").hasMessageContaining("'-1'");
  }
}
