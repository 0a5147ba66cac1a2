package loginbot;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import loginbot.Config.ConfigException;
import loginbot.web.AllowedOrigins;

/**
 * Reads and validates single environment variables for the configuration records; blank counts as
 * unset, and every malformed value fails with a {@link ConfigException} naming its variable.
 */
public record Env(Map<String, String> vars) {

  public Optional<String> text(String name) {
    return Optional.ofNullable(vars.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  public int integer(String name, int fallback, int min, int max) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value < min || value > max) {
        throw new ConfigException(
            name
                + (max == Integer.MAX_VALUE
                    ? " must be at least " + min
                    : " must be between " + min + " and " + max)
                + ", got "
                + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a whole number, got '" + raw.get() + "'");
    }
  }

  public Optional<Double> probability(String name) {
    return text(name)
        .map(
            raw -> {
              try {
                double value = Double.parseDouble(raw);
                if (value < 0 || value > 1) {
                  throw new ConfigException(name + " must be between 0 and 1, got " + raw);
                }
                return value;
              } catch (NumberFormatException e) {
                throw new ConfigException(
                    name + " must be a number between 0 and 1, got '" + raw + "'");
              }
            });
  }

  public boolean flag(String name) {
    return text(name)
        .map(
            raw ->
                switch (raw.toLowerCase(Locale.ROOT)) {
                  case "true", "1", "yes" -> true;
                  case "false", "0", "no" -> false;
                  default ->
                      throw new ConfigException(name + " must be true or false, got '" + raw + "'");
                })
        .orElse(false);
  }

  public String digits(String name, String value) {
    if (!value.matches("[0-9]{1,18}")) {
      throw new ConfigException(name + " must be a numeric id, got '" + value + "'");
    }
    return value;
  }

  public List<String> list(String name) {
    return text(name).map(v -> List.of(v.split("\\s*,\\s*"))).orElse(List.of());
  }

  /** Origins such as https://app.example.com, or "*"; anything else names the variable. */
  public List<String> origins(String name) {
    List<String> values = list(name);
    try {
      AllowedOrigins.parse(values);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    return values;
  }

  public Optional<String> secret(String name, int minLength) {
    Optional<String> value = text(name);
    if (value.isPresent() && value.get().length() < minLength) {
      throw new ConfigException(name + " must be at least " + minLength + " characters long");
    }
    return value;
  }

  public String oneOf(String name, String value, String... allowed) {
    for (String a : allowed) {
      if (a.equalsIgnoreCase(value)) {
        return a;
      }
    }
    throw new ConfigException(
        name + " must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
  }
}
