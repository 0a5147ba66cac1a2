package loginbot.dialogue;

/** A quick reply: the title is shown, the payload comes back as the user's next message. */
public record Button(String title, String payload) {}
