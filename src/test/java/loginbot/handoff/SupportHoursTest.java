package loginbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class SupportHoursTest {
  private final SupportHours weekdays = SupportHours.parse("Mon-Fri 09:00-17:00 America/Toronto");

  @Test
  void blank_or_always_is_always_open() {
    assertThat(SupportHours.parse(null).isOpen(Instant.parse("2025-03-08T03:00:00Z"))).isTrue();
    assertThat(SupportHours.parse(" ").isAlwaysOpen()).isTrue();
    assertThat(SupportHours.parse("always").nextOpening(Instant.EPOCH)).isEmpty();
  }

  @Test
  void open_inside_the_window_in_its_time_zone() {
    assertThat(weekdays.isOpen(Instant.parse("2025-03-05T14:00:00Z")))
        .isTrue(); // Wed 09:00 Toronto
    assertThat(weekdays.isOpen(Instant.parse("2025-03-05T13:59:59Z"))).isFalse();
    assertThat(weekdays.isOpen(Instant.parse("2025-03-05T22:00:00Z")))
        .isFalse(); // Wed 17:00: closed
    assertThat(weekdays.isOpen(Instant.parse("2025-03-08T15:00:00Z"))).isFalse(); // Saturday
  }

  @Test
  void the_next_opening_skips_the_weekend_and_follows_daylight_saving() {
    ZonedDateTime next = weekdays.nextOpening(Instant.parse("2025-03-08T15:00:00Z")).orElseThrow();

    assertThat(next.toString()).isEqualTo("2025-03-10T09:00-04:00[America/Toronto]");
  }

  @Test
  void several_windows_and_day_lists_are_supported() {
    SupportHours hours = SupportHours.parse("Mon,Wed 08:30-12:00; Sat 10:00-14:00 Europe/Paris");

    assertThat(hours.isOpen(Instant.parse("2025-03-08T10:30:00Z"))).isTrue(); // Sat 11:30 Paris
    assertThat(hours.isOpen(Instant.parse("2025-03-04T08:00:00Z"))).isFalse(); // Tuesday
    assertThat(hours.nextOpening(Instant.parse("2025-03-04T08:00:00Z")).orElseThrow().toString())
        .isEqualTo("2025-03-05T08:30+01:00[Europe/Paris]");
  }

  @Test
  void bad_specs_are_rejected_with_a_clear_message() {
    assertThatThrownBy(() -> SupportHours.parse("Mon-Fri 09:00-17:00 Mars/Olympus"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown time zone 'Mars/Olympus'");
    assertThatThrownBy(() -> SupportHours.parse("Mon-Fry 09:00-17:00 UTC"))
        .hasMessageContaining("unknown day 'Fry'");
    assertThatThrownBy(() -> SupportHours.parse("Mon-Fri 17:00-09:00 UTC"))
        .hasMessageContaining("must be before closing");
    assertThatThrownBy(() -> SupportHours.parse("Mon-Fri 9h-17h UTC"))
        .hasMessageContaining("bad time '9h'");
    assertThatThrownBy(() -> SupportHours.parse("weekdays"))
        .hasMessageContaining("SUPPORT_HOURS 'weekdays'");
  }
}
