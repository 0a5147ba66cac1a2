package loginbot;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The environment, parsed once at start-up (12-factor). Every variable is optional for a local run;
 * a malformed one fails start-up with a message naming it.
 *
 * @param agentTokens token → agent name; generated (and printed once) when none is configured
 * @param widgetSecret key for widget conversation tokens; empty: one is kept under {@code dataDir}
 * @param restCallbackUrl where later messages of REST conversations are POSTed (Rasa's callback)
 * @param restCallbackSecret signs those POSTs (X-Loginbot-Signature)
 * @param smtpUrl e-mail continuation: {@code smtp://user:pass@host:port} or {@code smtps://...}
 * @param smtpFrom the sender of those e-mails; empty: {@code supportEmail}
 * @param mailDelaySeconds how long an agent's answer may stay unread in the chat before it is
 *     e-mailed
 */
public record Config(
    int port,
    String supportEmail,
    boolean supportEmailConfigured,
    Map<String, String> agentTokens,
    boolean agentTokenGenerated,
    Optional<String> databaseUrl,
    Path dataDir,
    List<String> allowedOrigins,
    Optional<String> chatwootBaseUrl,
    Optional<String> chatwootApiToken,
    Optional<String> chatwootWebhookSecret,
    Optional<String> chatwootHandoffTeamId,
    String chatwootRoleAttribute,
    Optional<Path> intentsDir,
    Optional<Path> contentDir,
    Optional<Double> nluThreshold,
    Optional<Double> nluMargin,
    Optional<String> supportHours,
    int retentionDays,
    boolean jsonLogs,
    Optional<String> widgetSecret,
    Optional<String> restCallbackUrl,
    Optional<String> restCallbackSecret,
    Optional<String> smtpUrl,
    Optional<String> smtpFrom,
    int mailDelaySeconds,
    Widget widget) {

  /**
   * The widget's limits and its text reader.
   *
   * @param maxStreams WIDGET_MAX_STREAMS: open event streams per instance (0: widgets poll)
   * @param maxStreamsPerAddress WIDGET_MAX_STREAMS_PER_ADDRESS: open streams per client address
   * @param tokenIdleDays WIDGET_TOKEN_IDLE_DAYS: a token unused this long stops working
   * @param tesseract TESSERACT: the command that reads screenshots ("off": none)
   */
  public record Widget(
      int maxStreams, int maxStreamsPerAddress, int tokenIdleDays, String tesseract) {}

  /** A variable that is set but unusable. */
  public static final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
      super(message);
    }
  }

  static final String DEFAULT_SUPPORT_EMAIL = "support@example.com";

  public static Config fromEnv(Map<String, String> env) {
    var reader = new Env(env);
    Map<String, String> tokens = agentTokens(reader);
    boolean generated = tokens.isEmpty();
    if (generated) {
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      tokens = Map.of(HexFormat.of().formatHex(random), "agent");
    }
    return new Config(
        reader.integer("PORT", 7070, 0, 65535),
        reader.text("SUPPORT_EMAIL").orElse(DEFAULT_SUPPORT_EMAIL),
        reader.text("SUPPORT_EMAIL").isPresent(),
        tokens,
        generated,
        reader.text("DATABASE_URL"),
        Path.of(reader.text("DATA_DIR").orElse("data")),
        reader.origins("ALLOWED_ORIGINS"),
        reader.text("CHATWOOT_BASE_URL"),
        reader.text("CHATWOOT_API_TOKEN"),
        reader.text("CHATWOOT_WEBHOOK_SECRET"),
        reader
            .text("CHATWOOT_HANDOFF_TEAM_ID")
            .map(id -> reader.digits("CHATWOOT_HANDOFF_TEAM_ID", id)),
        reader.text("CHATWOOT_ROLE_ATTRIBUTE").orElse("role"),
        reader.text("INTENTS_DIR").map(Path::of),
        reader.text("CONTENT_DIR").map(Path::of),
        reader.probability("NLU_THRESHOLD"),
        reader.probability("NLU_MARGIN"),
        reader.text("SUPPORT_HOURS"),
        reader.integer("RETENTION_DAYS", 90, 1, 36500),
        reader
            .text("LOG_FORMAT")
            .map(f -> reader.oneOf("LOG_FORMAT", f, "json", "text"))
            .orElse("text")
            .equals("json"),
        reader.secret("WIDGET_SECRET", 32),
        reader.text("REST_CALLBACK_URL").map(Config::callbackUrl),
        reader.secret("REST_CALLBACK_SECRET", 16),
        reader.text("SMTP_URL").map(Config::smtpUrl),
        reader.text("SMTP_FROM"),
        reader.integer("MAIL_DELAY_SECONDS", 120, 0, 86400),
        new Widget(
            reader.integer("WIDGET_MAX_STREAMS", 2000, 0, 1_000_000),
            reader.integer("WIDGET_MAX_STREAMS_PER_ADDRESS", 200, 1, 1_000_000),
            reader.integer("WIDGET_TOKEN_IDLE_DAYS", 30, 1, 36500),
            reader.text("TESSERACT").orElse("tesseract")));
  }

  private static String callbackUrl(String url) {
    try {
      java.net.URI parsed = new java.net.URI(url.trim());
      String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && parsed.getHost() != null) {
        return parsed.toString();
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw new ConfigException(
        "REST_CALLBACK_URL must be an http(s) URL, e.g. https://app.example.com/bot/callback");
  }

  private static String smtpUrl(String url) {
    try {
      loginbot.mail.SmtpSettings.parse(url);
      return url.trim();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /** The sender of continuation e-mails: SMTP_FROM, else SUPPORT_EMAIL. */
  public String mailFrom() {
    return smtpFrom.orElse(supportEmail);
  }

  /** AGENT_TOKEN (agent "agent") and AGENT_TOKENS ("alice:token1,bob:token2"). */
  private static Map<String, String> agentTokens(Env reader) {
    Map<String, String> tokens = new LinkedHashMap<>();
    reader.text("AGENT_TOKEN").ifPresent(t -> tokens.put(t, "agent"));
    List<String> problems = new ArrayList<>();
    for (String pair : reader.list("AGENT_TOKENS")) {
      int colon = pair.indexOf(':');
      if (colon <= 0 || colon == pair.length() - 1) {
        problems.add(pair);
        continue;
      }
      tokens.put(pair.substring(colon + 1), pair.substring(0, colon));
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(
          "AGENT_TOKENS entries must look like name:token, got "
              + problems.size()
              + " malformed entr"
              + (problems.size() == 1 ? "y" : "ies"));
    }
    for (String token : tokens.keySet()) {
      if (token.length() < 16) {
        throw new ConfigException("agent tokens must be at least 16 characters long");
      }
    }
    return tokens;
  }
}
