package loginbot.dialogue;

/** A message after password masking; {@code hadPassword} when something was masked. */
public record Masked(String text, boolean hadPassword) {}
