package loginbot.dialogue;

import java.util.Optional;

/**
 * An image the user sent, as the dialogue sees it: whether its text could be read and, when it
 * shows one of the article's messages, that message and the case it starts.
 *
 * @param attachmentId the stored image, recorded as a fact for the agent
 * @param read false when no text reader is installed
 * @param caseId the case whose message the image shows
 * @param shown the message as the article words it, e.g. "Account disabled"
 */
public record Screenshot(
    String attachmentId, boolean read, Optional<String> caseId, Optional<String> shown) {}
