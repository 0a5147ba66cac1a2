package loginbot.channel.widget;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.BadRequestResponse;
import java.util.Optional;
import loginbot.web.Requests;

/**
 * The visitor's name and e-mail when the embedding page passed them to the widget; kept as a note
 * for agents. Unverified: the page, not the bot, vouches for them.
 */
final class Contact {
  private Contact() {}

  static Optional<String> describe(JsonNode body) {
    Optional<String> name = Requests.optionalText(body, "name", 120).map(String::strip);
    Optional<String> email = Requests.optionalText(body, "email", 254).map(String::strip);
    email.ifPresent(
        e -> {
          if (!e.matches("[^\\s@]+@[^\\s@]+")) {
            throw new BadRequestResponse("'email' must be an e-mail address");
          }
        });
    if (name.isEmpty() && email.isEmpty()) {
      return Optional.empty();
    }
    String who = name.orElse("") + email.map(e -> name.isPresent() ? " <" + e + ">" : e).orElse("");
    return Optional.of("Contact given by the page: " + who);
  }
}
