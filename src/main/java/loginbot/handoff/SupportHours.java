package loginbot.handoff;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * When human agents answer, from a spec such as {@code "Mon-Fri 09:00-17:00 America/Toronto"} or
 * {@code "Mon-Fri 09:00-17:00; Sat 10:00-14:00 Europe/Paris"}; blank or {@code "always"} is always
 * open. Pure: callers pass the instant to judge.
 */
public final class SupportHours {
  private final List<Window> windows;
  private final ZoneId zone;

  /** One opening window: these days, from {@code open} (inclusive) to {@code close} (exclusive). */
  private record Window(Set<DayOfWeek> days, LocalTime open, LocalTime close) {}

  private SupportHours(List<Window> windows, ZoneId zone) {
    this.windows = List.copyOf(windows);
    this.zone = zone;
  }

  public static SupportHours alwaysOpen() {
    return new SupportHours(List.of(), ZoneId.of("UTC"));
  }

  /** Parses the spec; throws {@link IllegalArgumentException} naming what is wrong. */
  public static SupportHours parse(String spec) {
    if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("always")) {
      return alwaysOpen();
    }
    String trimmed = spec.trim();
    int lastSpace = trimmed.lastIndexOf(' ');
    if (lastSpace < 0) {
      throw invalid(spec, "expected days, hours and a time zone");
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(trimmed.substring(lastSpace + 1));
    } catch (RuntimeException e) {
      throw invalid(spec, "unknown time zone '" + trimmed.substring(lastSpace + 1) + "'");
    }
    List<Window> windows = new ArrayList<>();
    for (String part : trimmed.substring(0, lastSpace).split(";")) {
      windows.add(window(part.trim(), spec));
    }
    return new SupportHours(windows, zone);
  }

  public boolean isAlwaysOpen() {
    return windows.isEmpty();
  }

  public boolean isOpen(Instant at) {
    if (windows.isEmpty()) {
      return true;
    }
    ZonedDateTime local = at.atZone(zone);
    LocalTime time = local.toLocalTime();
    return windows.stream()
        .anyMatch(
            w ->
                w.days().contains(local.getDayOfWeek())
                    && !time.isBefore(w.open())
                    && time.isBefore(w.close()));
  }

  /** The next time agents are available at or after {@code at}; empty when always open. */
  public Optional<ZonedDateTime> nextOpening(Instant at) {
    if (windows.isEmpty()) {
      return Optional.empty();
    }
    if (isOpen(at)) {
      return Optional.of(at.atZone(zone));
    }
    ZonedDateTime local = at.atZone(zone);
    for (int d = 0; d <= 7; d++) {
      LocalDate day = local.toLocalDate().plusDays(d);
      Optional<ZonedDateTime> first =
          windows.stream()
              .filter(w -> w.days().contains(day.getDayOfWeek()))
              .map(w -> day.atTime(w.open()).atZone(zone))
              .filter(t -> t.isAfter(local))
              .min(ZonedDateTime::compareTo);
      if (first.isPresent()) {
        return first;
      }
    }
    throw new IllegalStateException("no opening within a week; the windows cannot be empty");
  }

  private static Window window(String part, String spec) {
    String[] fields = part.split("\\s+");
    if (fields.length != 2) {
      throw invalid(spec, "each window is 'DAYS HH:MM-HH:MM', got '" + part + "'");
    }
    String[] times = fields[1].split("-");
    if (times.length != 2) {
      throw invalid(spec, "hours must look like 09:00-17:00, got '" + fields[1] + "'");
    }
    LocalTime open = time(times[0], spec);
    LocalTime close = time(times[1], spec);
    if (!open.isBefore(close)) {
      throw invalid(spec, "opening " + open + " must be before closing " + close);
    }
    return new Window(days(fields[0], spec), open, close);
  }

  private static Set<DayOfWeek> days(String field, String spec) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String item : field.split(",")) {
      String[] range = item.split("-");
      if (range.length == 1) {
        days.add(day(range[0], spec));
      } else if (range.length == 2) {
        DayOfWeek from = day(range[0], spec);
        DayOfWeek to = day(range[1], spec);
        for (DayOfWeek d = from; ; d = d.plus(1)) {
          days.add(d);
          if (d == to) {
            break;
          }
        }
      } else {
        throw invalid(spec, "bad day range '" + item + "'");
      }
    }
    return days;
  }

  private static DayOfWeek day(String name, String spec) {
    String wanted = name.trim().toUpperCase(Locale.ROOT);
    for (DayOfWeek d : DayOfWeek.values()) {
      if (wanted.length() >= 3 && d.name().startsWith(wanted)) {
        return d;
      }
    }
    throw invalid(spec, "unknown day '" + name + "' (use Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
  }

  private static LocalTime time(String text, String spec) {
    try {
      return LocalTime.parse(text.trim().length() == 4 ? "0" + text.trim() : text.trim());
    } catch (DateTimeParseException e) {
      throw invalid(spec, "bad time '" + text + "' (use HH:MM)");
    }
  }

  private static IllegalArgumentException invalid(String spec, String why) {
    return new IllegalArgumentException("SUPPORT_HOURS '" + spec + "': " + why);
  }
}
