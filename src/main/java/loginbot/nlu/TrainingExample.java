package loginbot.nlu;

/** One line of training data: what a user wrote, in which language, and what they meant. */
public record TrainingExample(Intent intent, Language language, String text) {}
