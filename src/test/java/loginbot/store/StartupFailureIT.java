package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged server with its database unreachable: one clear line and a non-zero exit. */
class StartupFailureIT {

  @Test
  void unreachable_postgresql_at_start_stops_the_server_with_a_clear_message_and_exit_code_3()
      throws Exception {
    LoginbotProcess.Exit exit =
        LoginbotProcess.runToExit(
            Map.of("DATABASE_URL", "postgres://bot:s3cret@127.0.0.1:1/loginbot"));

    assertThat(exit.code()).isEqualTo(3);
    assertThat(exit.output())
        .contains("cannot connect to PostgreSQL at 127.0.0.1:1/loginbot: Connection refused")
        .doesNotContain("s3cret");
  }
}
