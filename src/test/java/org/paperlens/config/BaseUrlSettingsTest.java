package org.paperlens.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The site's one base URL: the flag beats the environment, which beats the address serve listens on. */
class BaseUrlSettingsTest {

  @Test
  void without_a_setting_the_base_url_is_the_address_serve_prints() {
    assertThat(MailSettings.resolve(Map.of()).baseUrl()).isEqualTo("http://127.0.0.1:8080");
    assertThat(MailSettings.resolve(Map.of(), null, "127.0.0.1", 9090).baseUrl()).isEqualTo("http://127.0.0.1:9090");
    assertThat(MailSettings.resolve(Map.of(), null, "::1", 8080).baseUrl()).isEqualTo("http://[::1]:8080");
  }

  @Test
  void listening_on_every_interface_links_to_localhost_since_the_wildcard_address_names_no_host() {
    assertThat(MailSettings.resolve(Map.of(), null, "0.0.0.0", 8080).baseUrl()).isEqualTo("http://localhost:8080");
    assertThat(MailSettings.resolve(Map.of(), null, "::", 8080).baseUrl()).isEqualTo("http://localhost:8080");
  }

  @Test
  void the_flag_beats_the_environment_which_beats_the_listening_address() {
    Map<String, String> env = Map.of(MailSettings.BASE_URL_ENV, "https://env.example.org/");
    assertThat(MailSettings.resolve(env, null, "127.0.0.1", 8080).baseUrl()).isEqualTo("https://env.example.org");
    assertThat(MailSettings.resolve(env, "https://flag.example.org", "127.0.0.1", 8080).baseUrl())
        .isEqualTo("https://flag.example.org");
    assertThatThrownBy(() -> MailSettings.resolve(env, "ftp://x", "127.0.0.1", 8080))
        .hasMessageContaining("--base-url").hasMessageContaining("'ftp://x'");
  }
}
