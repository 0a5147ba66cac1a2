package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import loginbot.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * A statement PostgreSQL refuses must not carry the user's text into the error (which is logged):
 * the driver is told not to include the server's details, which quote the values.
 */
class PostgresErrorDetailIT {

  @Test
  void a_refused_statement_does_not_quote_the_users_text_in_its_error() {
    MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    try (TestPostgres postgres = TestPostgres.createSchema();
        JdbcStore store = Stores.postgres(postgres.url(), clock)) {
      // The edge refuses NUL with a 400; this is what would happen behind it if it did not.
      Throwable refused =
          catchThrowable(
              () ->
                  store.runTurn(
                      "c1",
                      "rest",
                      "m1",
                      Turns.echo("my secret is Hunter2024 and then\u0000more", clock.instant())));

      StringWriter trace = new StringWriter();
      refused.printStackTrace(new PrintWriter(trace));
      assertThat(refused).isNotNull();
      assertThat(trace.toString()).doesNotContain("Hunter2024");
      assertThat(store.find("c1")).isEmpty();
    }
  }
}
