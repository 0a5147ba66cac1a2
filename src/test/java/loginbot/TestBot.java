package loginbot;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestCase;
import io.javalin.testtools.TestConfig;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import loginbot.channel.ConversationService;
import loginbot.channel.InboundMessage;
import loginbot.channel.MessageGate;
import loginbot.channel.TurnObserver;
import loginbot.channel.TurnOutcome;
import loginbot.delivery.Notices;
import loginbot.delivery.Outputs;
import loginbot.dialogue.Dialogue;
import loginbot.dialogue.KeywordNlu;
import loginbot.dialogue.PasswordMasker;
import loginbot.dialogue.Responder;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.handoff.SupportHours;
import loginbot.nlu.Nlu;
import loginbot.store.ConversationStore;
import loginbot.store.InMemoryStore;

/**
 * The test harness every layer shares: the real conversation service, masker and dialogue wired as
 * the server wires them, over a store and a clock the test owns. The default NLU is the keyword NLU
 * (fast, deterministic); transcripts use the real classifier.
 */
public final class TestBot {
  /**
   * {@link JavalinTest#test} with an HTTP client of its own. The test tools' default client is one
   * for the whole JVM: a keep-alive connection to a stopped server, whose port a new server then
   * got, was reused and failed with "HTTP/1.1 header parser received no bytes".
   */
  public static void serve(Javalin app, TestCase test) {
    HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    JavalinTest.test(app, new TestConfig(true, true, client), test);
  }

  public static final String SUPPORT_EMAIL = "help@example.test";
  public static final Instant DEFAULT_NOW = Instant.parse("2025-03-05T15:00:00Z");

  public final Clock clock;
  public final ConversationStore store;
  public final Dialogue dialogue;
  public final ConversationService service;
  public final Outputs outputs;

  private TestBot(Builder b) {
    this.clock = b.clock;
    this.store = b.store.apply(clock);
    ContentCatalog content = b.content != null ? b.content : shippedContent();
    this.dialogue = new Dialogue(content, b.supportEmail, b.hours);
    this.outputs = b.outputs;
    this.service =
        new ConversationService(
            store,
            new Responder(b.nlu, new PasswordMasker(), dialogue),
            clock,
            b.gate,
            b.observer,
            b.outputs,
            new Notices(content, b.supportEmail, b.hours, b.mail));
  }

  private static ContentCatalog shipped;

  /** The content in src/main/resources: immutable, so parsed once and shared by every test bot. */
  public static synchronized ContentCatalog shippedContent() {
    if (shipped == null) {
      shipped = ContentCatalog.fromClasspath();
    }
    return shipped;
  }

  /**
   * A bot with the defaults: keyword NLU, in-memory store, always open, clock at {@link
   * #DEFAULT_NOW}.
   */
  public static TestBot create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** One user message on the {@code test} channel, with no metadata. */
  public TurnOutcome say(String conversationId, String text) {
    return service.handle(
        new InboundMessage("test", conversationId, null, text, Optional.empty(), Optional.empty()));
  }

  /** Changes from the defaults; each setter returns the builder. */
  public static final class Builder {
    private Clock clock = new MutableClock(DEFAULT_NOW);
    private Function<Clock, ConversationStore> store = InMemoryStore::new;
    private Nlu nlu = new KeywordNlu();
    private ContentCatalog content; // null: the shipped content, loaded once per test JVM
    private SupportHours hours = SupportHours.alwaysOpen();
    private String supportEmail = SUPPORT_EMAIL;
    private MessageGate gate = MessageGate.ALL;
    private TurnObserver observer = TurnObserver.NONE;
    private Outputs outputs = Outputs.none();
    private boolean mail;

    private Builder() {}

    /** Where each channel's later messages go, as the server wires them. */
    public Builder outputs(Outputs outputs) {
      this.outputs = outputs;
      return this;
    }

    /** Whether e-mail continuation is on (SMTP_URL), which changes what a handoff offers. */
    public Builder mail(boolean mail) {
      this.mail = mail;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder at(Instant now) {
      this.clock = new MutableClock(now);
      return this;
    }

    /** The store, made from the bot's clock. */
    public Builder store(Function<Clock, ConversationStore> store) {
      this.store = store;
      return this;
    }

    public Builder store(ConversationStore store) {
      this.store = c -> store;
      return this;
    }

    public Builder nlu(Nlu nlu) {
      this.nlu = nlu;
      return this;
    }

    public Builder content(ContentCatalog content) {
      this.content = content;
      return this;
    }

    public Builder supportHours(SupportHours hours) {
      this.hours = hours;
      return this;
    }

    public Builder supportEmail(String supportEmail) {
      this.supportEmail = supportEmail;
      return this;
    }

    public Builder gate(MessageGate gate) {
      this.gate = gate;
      return this;
    }

    public Builder observer(TurnObserver observer) {
      this.observer = observer;
      return this;
    }

    public TestBot build() {
      return new TestBot(this);
    }
  }
}
