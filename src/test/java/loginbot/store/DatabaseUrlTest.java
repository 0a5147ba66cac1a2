package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @Test
  void hosting_platform_form_gives_host_port_database_and_credentials() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://bot:s3cret@db.internal:6543/loginbot");

    assertThat(url)
        .isEqualTo(
            new DatabaseUrl(
                "db.internal",
                6543,
                "loginbot",
                Optional.of("bot"),
                Optional.of("s3cret"),
                Map.of()));
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/loginbot");
  }

  @Test
  void postgresql_scheme_is_accepted_and_port_defaults_to_5432() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://bot@localhost/loginbot");

    assertThat(url.port()).isEqualTo(5432);
    assertThat(url.user()).contains("bot");
    assertThat(url.password()).isEmpty();
  }

  @Test
  void jdbc_form_takes_credentials_from_its_query_and_keeps_other_parameters() {
    DatabaseUrl url =
        DatabaseUrl.parse(
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=pw&sslmode=require&currentSchema=t_1");

    assertThat(url.user()).contains("postgres");
    assertThat(url.password()).contains("pw");
    assertThat(url.params())
        .containsExactlyInAnyOrderEntriesOf(Map.of("sslmode", "require", "currentSchema", "t_1"));
    assertThat(url.jdbcUrl())
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?sslmode=require&currentSchema=t_1");
  }

  @Test
  void percent_encoded_credentials_are_decoded() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://b%40t:p%2Fa%3As+s@host:5432/db");

    assertThat(url.user()).contains("b@t");
    assertThat(url.password()).contains("p/a:s+s");
  }

  @Test
  void ipv6_hosts_keep_their_brackets_in_the_jdbc_url() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://u:p@[::1]:5433/db");

    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/db");
    assertThat(url.describe()).isEqualTo("[::1]:5433/db");
  }

  @Test
  void description_and_string_form_never_show_the_password() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://bot:s3cret@db:5432/loginbot");

    assertThat(url.describe()).isEqualTo("db:5432/loginbot");
    assertThat(url.toString()).doesNotContain("s3cret");
  }

  @Test
  void other_schemes_are_refused_without_repeating_the_url() {
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://bot:s3cret@db/loginbot"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql:// (got mysql:)");
  }

  @Test
  void a_url_without_database_name_is_refused() {
    assertThatThrownBy(() -> DatabaseUrl.parse("postgres://bot:pw@db:5432"))
        .hasMessageContaining("must name one database");
    assertThatThrownBy(() -> DatabaseUrl.parse("postgres://bot:pw@db:5432/"))
        .hasMessageContaining("must name one database");
  }

  @Test
  void a_url_without_host_or_with_a_bad_port_is_refused_without_the_password() {
    assertThatThrownBy(() -> DatabaseUrl.parse("postgres:///loginbot"))
        .hasMessage("DATABASE_URL has no host name");
    assertThatThrownBy(() -> DatabaseUrl.parse("postgres://bot:s3cret@db:port/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain("s3cret");
  }

  @Test
  void empty_url_is_refused() {
    assertThatThrownBy(() -> DatabaseUrl.parse("  ")).hasMessage("DATABASE_URL is empty");
  }
}
