package loginbot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import loginbot.attachment.ImageCleaner;
import loginbot.attachment.ImageIntake;
import loginbot.attachment.Ocr;
import loginbot.attachment.TesseractOcr;
import loginbot.channel.ConversationService;
import loginbot.channel.ImageMessages;
import loginbot.channel.MessageGate;
import loginbot.channel.TurnObserver;
import loginbot.channel.chatwoot.ChatwootClient;
import loginbot.channel.chatwoot.ChatwootFiles;
import loginbot.channel.chatwoot.ChatwootImages;
import loginbot.channel.chatwoot.ChatwootOutbox;
import loginbot.channel.chatwoot.ChatwootWebhook;
import loginbot.channel.chatwoot.SignatureVerifier;
import loginbot.channel.rest.RestChannel;
import loginbot.channel.widget.Admission;
import loginbot.channel.widget.AgentSignals;
import loginbot.channel.widget.QueueWatch;
import loginbot.channel.widget.WidgetChannel;
import loginbot.channel.widget.WidgetLinks;
import loginbot.channel.widget.WidgetParts;
import loginbot.channel.widget.WidgetSecret;
import loginbot.channel.widget.WidgetSettings;
import loginbot.delivery.Backoff;
import loginbot.delivery.CallbackDeliverer;
import loginbot.delivery.ChatwootDeliverer;
import loginbot.delivery.ChatwootOutput;
import loginbot.delivery.Deliverer;
import loginbot.delivery.Notices;
import loginbot.delivery.OutboxDispatcher;
import loginbot.delivery.Outputs;
import loginbot.delivery.RestOutput;
import loginbot.delivery.WidgetOutput;
import loginbot.dialogue.Dialogue;
import loginbot.dialogue.PasswordMasker;
import loginbot.dialogue.Responder;
import loginbot.dialogue.Welcome;
import loginbot.dialogue.content.CaseSpec;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.dialogue.content.ContentSource;
import loginbot.dialogue.content.Vocabulary;
import loginbot.handoff.SupportHours;
import loginbot.mail.MailDeliverer;
import loginbot.mail.MailTexts;
import loginbot.mail.Mailer;
import loginbot.mail.SmtpSettings;
import loginbot.nlu.DecisionRule;
import loginbot.nlu.Nlu;
import loginbot.nlu.ShippedModel;
import loginbot.nlu.Synonyms;
import loginbot.nlu.TrainedNlu;
import loginbot.nlu.TrainingData;
import loginbot.ops.Analytics;
import loginbot.ops.AnalyticsApi;
import loginbot.ops.ClientRateLimit;
import loginbot.ops.HttpMetrics;
import loginbot.ops.OpsConfig;
import loginbot.ops.OpsRoutes;
import loginbot.ops.OutboundMetrics;
import loginbot.ops.RateLimiter;
import loginbot.ops.SenderRateLimit;
import loginbot.ops.Telemetry;
import loginbot.ops.TimedStore;
import loginbot.ops.TurnMetrics;
import loginbot.store.BoundedStore;
import loginbot.store.ConversationStore;
import loginbot.store.JdbcStore;
import loginbot.store.RetentionJob;
import loginbot.store.Stores;
import loginbot.web.AgentAuth;
import loginbot.web.AgentConsole;
import loginbot.web.AllowedOrigins;
import loginbot.web.AttachmentsApi;
import loginbot.web.ConsoleEvents;
import loginbot.web.ConversationsApi;
import loginbot.web.Json;
import loginbot.web.ReadyReplies;
import loginbot.web.Requests;
import loginbot.web.Routes;
import loginbot.web.SecurityHeaders;
import loginbot.web.WebServer;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: the one place that turns configuration into running components. */
public final class App implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(App.class);

  /**
   * Endpoints anyone on the internet may call: limited per client address. Chatwoot's webhook is
   * not among them: all its traffic comes from one server, and each conversation is limited anyway.
   */
  static final String REST_PREFIX = "/webhooks/rest/";

  static final List<String> PUBLIC_PREFIXES = List.of(REST_PREFIX, "/widget/");

  private final Javalin web;

  /** Closed in reverse order of creation: the server first, the store last. */
  private final Deque<AutoCloseable> resources;

  private App(Javalin web, Deque<AutoCloseable> resources) {
    this.web = web;
    this.resources = resources;
  }

  /** The decision rule the server uses; the eval and cv commands share it. */
  static DecisionRule decisionRule(Config config) {
    return new DecisionRule(
        config.nluThreshold().orElse(DecisionRule.DEFAULT.threshold()),
        config.nluMargin().orElse(DecisionRule.DEFAULT.margin()));
  }

  /** Everything but the HTTP server: what the terminal chat needs too. */
  static ConversationService conversations(Config config, ConversationStore store, Clock clock) {
    TrainingData data = TrainingData.load(config.intentsDir());
    return conversations(
        config,
        train(config, data),
        store,
        clock,
        MessageGate.ALL,
        TurnObserver.NONE,
        Outputs.none(),
        content(config, data));
  }

  /**
   * Masking, the trained NLU and the dialogue, as the server runs them, for the answers command.
   */
  static Responder responder(Config config) {
    TrainingData data = TrainingData.load(config.intentsDir());
    return new Responder(
        train(config, data),
        new PasswordMasker(),
        new Dialogue(content(config, data), config.supportEmail(), SupportHours.alwaysOpen()));
  }

  /**
   * The model trained at build time, or a training when INTENTS_DIR holds edited data or
   * CONTENT_DIR other synonyms.
   */
  static TrainedNlu train(Config config, TrainingData data) {
    return ShippedModel.nlu(
        data, decisionRule(config), Synonyms.read(contentSource(config)::text, data.languages()));
  }

  /**
   * The conversation content, from CONTENT_DIR when set, else the jar's, checked against the
   * languages and intents of the training data.
   */
  static ContentCatalog content(Config config, TrainingData data) {
    return ContentCatalog.load(contentSource(config), Vocabulary.of(data));
  }

  private static ContentSource contentSource(Config config) {
    return config.contentDir().map(ContentSource::directory).orElseGet(ContentSource::classpath);
  }

  static ConversationService conversations(
      Config config,
      Nlu nlu,
      ConversationStore store,
      Clock clock,
      MessageGate gate,
      TurnObserver observer,
      Outputs outputs,
      ContentCatalog content) {
    SupportHours hours =
        config.supportHours().map(App::supportHours).orElse(SupportHours.alwaysOpen());
    Dialogue dialogue = new Dialogue(content, config.supportEmail(), hours);
    Notices notices =
        new Notices(content, config.supportEmail(), hours, config.smtpUrl().isPresent());
    return new ConversationService(
        store,
        new Responder(nlu, new PasswordMasker(), dialogue),
        clock,
        gate,
        observer,
        outputs,
        notices);
  }

  private static SupportHours supportHours(String spec) {
    try {
      return SupportHours.parse(spec);
    } catch (IllegalArgumentException e) {
      throw new Config.ConfigException(e.getMessage());
    }
  }

  /** With the default operations settings (limits on, metrics open). */
  public static App start(Config config) {
    return start(config, OpsConfig.fromEnv(Map.of()));
  }

  public static App start(Config config, OpsConfig ops) {
    Clock clock = Clock.systemUTC();
    StartTasks tasks = StartTasks.start(config, ops, clock, data -> train(config, data));
    Deque<AutoCloseable> resources = new ArrayDeque<>();
    Telemetry telemetry = new Telemetry();
    resources.push(telemetry);
    MeterRegistry registry = telemetry.registry();
    // After the metrics: by now the preload thread has set up the date format Jackson needs.
    ObjectMapper json = Json.newMapper();
    ContentCatalog content;
    try {
      content = content(config, tasks.intents());
    } catch (RuntimeException e) {
      tasks.abandonStore();
      throw e;
    }
    Nlu nlu = text -> tasks.nlu().understand(text);
    try {
      JdbcStore database = tasks.store();
      ConversationStore store = new TimedStore(bounded(config, ops, database), registry);
      resources.push(store);
      WidgetSettings widgetSettings =
          WidgetSettings.of(
              AllowedOrigins.parse(config.allowedOrigins()),
              WidgetSecret.resolve(config.widgetSecret(), config.dataDir()));
      Delivery delivery =
          delivery(
              config, store, json, clock, content, widgetSettings, new OutboundMetrics(registry));
      ConversationService conversations =
          conversations(
              config,
              nlu,
              store,
              clock,
              new SenderRateLimit(new RateLimiter(ops.perSender()), registry),
              new TurnMetrics(registry),
              delivery.outputs(),
              content);
      Requests requests = new Requests(json);
      AgentAuth agents = new AgentAuth(config.agentTokens());
      AllowedOrigins origins = widgetSettings.allowedOrigins();
      ClientRateLimit clientLimit =
          new ClientRateLimit(
              new RateLimiter(ops.perUser()),
              new RateLimiter(ops.perClient()),
              PUBLIC_PREFIXES,
              ops.addressLimitOnRest() ? List.of() : List.of(REST_PREFIX),
              ops.forwardedFor(),
              registry);
      String tesseract = config.widget().tesseract();
      Ocr ocr = "off".equals(tesseract) ? Ocr.NONE : TesseractOcr.find(tesseract);
      ImageIntake intake = ImageIntake.of(ocr, content);
      WidgetChannel widget =
          widget(
              config,
              conversations,
              store,
              database,
              requests,
              widgetSettings,
              clientLimit,
              intake,
              content,
              clock);
      resources.push(widget);
      List<Routes> surfaces = new ArrayList<>();
      // First, so that every request is timed, including those the limits refuse.
      surfaces.add(new HttpMetrics(registry, List.of("/webhooks/")));
      surfaces.add(new SecurityHeaders(origins));
      surfaces.add(clientLimit);
      surfaces.add(new OpsRoutes(telemetry, store, ops.metricsToken(), tasks::nluReady));
      surfaces.add(new RestChannel(conversations, requests, json, origins));
      surfaces.add(widget);
      surfaces.add(
          new ConversationsApi(conversations, store, agents, requests, config.chatwootBaseUrl()));
      ConsoleEvents consoleEvents = new ConsoleEvents(store, agents, clock, Duration.ofSeconds(1));
      resources.push(consoleEvents);
      surfaces.add(consoleEvents);
      surfaces.add(new AgentSignals(agents, database.widgetSessions(), requests, clock));
      surfaces.add(new AttachmentsApi(agents, database.attachments()));
      surfaces.add(
          new loginbot.web.CannedRepliesApi(agents, database.cannedReplies(), requests, clock));
      surfaces.add(
          new AgentConsole(content.ui(), content.cases().stream().map(CaseSpec::id).toList()));
      surfaces.add(new ReadyReplies(store, content, agents));
      surfaces.add(new AnalyticsApi(new Analytics(store, clock), agents, clock));
      if (config.chatwootBaseUrl().isPresent()) {
        ChatwootImages images =
            new ChatwootImages(
                new ChatwootFiles(
                    ChatwootFiles.defaultHttpClient(),
                    chatwootBase(config),
                    chatwootToken(config),
                    ImageCleaner.MAX_BYTES,
                    Duration.ofSeconds(1)),
                new ImageMessages(intake, database.attachments(), store, clock),
                2);
        resources.push(images);
        surfaces.add(
            new ChatwootWebhook(
                conversations,
                json,
                config.chatwootWebhookSecret().map(secret -> new SignatureVerifier(secret, clock)),
                config.chatwootRoleAttribute(),
                Optional.of(images)));
      }
      if (delivery.dispatcher() != null) {
        resources.push(delivery.dispatcher());
        delivery.dispatcher().start(Duration.ofSeconds(1));
      }
      RetentionJob retention =
          new RetentionJob(
              store, clock, Duration.ofDays(config.retentionDays()), Duration.ofHours(1));
      resources.push(retention);
      retention.start();
      // Stopping drains: no new requests, turns in flight finish (up to SHUTDOWN_TIMEOUT_SECONDS),
      // then the dispatcher, the store and the metrics close, in reverse order of creation.
      Javalin web = WebServer.create(json, surfaces, ops.drainTimeout()).start(config.port());
      resources.push(web::stop);
      tasks.nlu();
      announce(config, web.port());
      return new App(web, resources);
    } catch (RuntimeException e) {
      closeAll(resources);
      throw e;
    }
  }

  /**
   * PostgreSQL sits behind a bounded queue: under overload a request is refused at once (503 with
   * Retry-After) rather than waiting seconds for a pooled connection. The embedded store queues its
   * writers itself, to commit them together.
   */
  private static ConversationStore bounded(Config config, OpsConfig ops, JdbcStore jdbc) {
    if (!Stores.isPostgres(config.databaseUrl())) {
      return jdbc;
    }
    return new BoundedStore(
        jdbc, ops.databasePoolSize(), ops.databaseQueueSize(), BoundedStore.DEFAULT_MAX_WAIT);
  }

  /** The widget, its tokens and images in the database. */
  private static WidgetChannel widget(
      Config config,
      ConversationService conversations,
      ConversationStore store,
      JdbcStore database,
      Requests requests,
      WidgetSettings base,
      ClientRateLimit clientLimit,
      ImageIntake intake,
      ContentCatalog content,
      Clock clock) {
    Config.Widget limits = config.widget();
    WidgetParts parts =
        new WidgetParts(
            conversations,
            store,
            database.widgetSessions(),
            database.attachments(),
            intake,
            Welcome.load(content.source(), content),
            config.supportHours().map(App::supportHours).orElse(SupportHours.alwaysOpen()),
            new QueueWatch(store, clock, Duration.ofSeconds(10)),
            clock,
            clientLimit::clientAddress,
            Admission.OPEN,
            content.ui());
    WidgetSettings settings =
        base.withLimits(
            limits.maxStreams(),
            limits.maxStreamsPerAddress(),
            Duration.ofDays(Math.min(limits.tokenIdleDays(), config.retentionDays())));
    return new WidgetChannel(parts, requests, settings);
  }

  /** The output channels and, when anything is delivered later, the one outbox dispatcher. */
  private record Delivery(Outputs outputs, OutboxDispatcher dispatcher) {}

  private static Delivery delivery(
      Config config,
      ConversationStore store,
      ObjectMapper json,
      Clock clock,
      ContentCatalog content,
      WidgetSettings widgetSettings,
      OutboundMetrics outbound) {
    List<Deliverer> deliverers = new ArrayList<>();
    MailDeliverer.Schedule mail = null;
    if (config.smtpUrl().isPresent()) {
      SmtpSettings smtp = SmtpSettings.parse(config.smtpUrl().get());
      String from = config.mailFrom();
      Mailer mailer;
      try {
        mailer = new Mailer(smtp, from, config.supportEmail(), clock);
      } catch (IllegalArgumentException e) {
        throw new Config.ConfigException("SMTP_FROM must be an e-mail address");
      }
      deliverers.add(
          new MailDeliverer(
              store,
              mailer,
              new MailTexts(content, config.supportEmail()),
              new WidgetLinks(widgetSettings),
              from.substring(from.indexOf('@') + 1)));
      mail = new MailDeliverer.Schedule(Duration.ofSeconds(config.mailDelaySeconds()));
      log.info("e-mail continuation on, through {}", smtp.describe());
    }
    Outputs outputs =
        Outputs.none()
            .with(WidgetChannel.CHANNEL, new WidgetOutput(mail))
            .with("rest", new RestOutput(config.restCallbackUrl().isPresent(), mail, json));
    if (config.restCallbackUrl().isPresent()) {
      deliverers.add(
          new CallbackDeliverer(
              ChatwootClient.defaultHttpClient()
                  .newBuilder()
                  .addInterceptor(outbound.interceptor("rest_callback"))
                  .build(),
              HttpUrl.get(config.restCallbackUrl().get()),
              config.restCallbackSecret(),
              store,
              clock,
              json));
    }
    if (config.chatwootBaseUrl().isPresent()) {
      ChatwootOutbox outbox = chatwootOutbox(config, json);
      outputs.with(ChatwootWebhook.CHANNEL, new ChatwootOutput(outbox));
      deliverers.add(new ChatwootDeliverer(chatwootClient(config, json, outbound), outbox));
    }
    if (deliverers.isEmpty()) {
      return new Delivery(outputs, null);
    }
    OutboxDispatcher dispatcher =
        new OutboxDispatcher(store, deliverers, clock, Backoff.standard());
    outputs.onQueued(dispatcher::wakeUp);
    return new Delivery(outputs, dispatcher);
  }

  private static ChatwootOutbox chatwootOutbox(Config config, ObjectMapper json) {
    OptionalLong team =
        config
            .chatwootHandoffTeamId()
            .map(id -> OptionalLong.of(Long.parseLong(id)))
            .orElse(OptionalLong.empty());
    return new ChatwootOutbox(json, team);
  }

  private static HttpUrl chatwootBase(Config config) {
    HttpUrl base = HttpUrl.parse(config.chatwootBaseUrl().orElseThrow());
    if (base == null) {
      throw new Config.ConfigException("CHATWOOT_BASE_URL must be an http(s) URL");
    }
    return base;
  }

  private static String chatwootToken(Config config) {
    return config
        .chatwootApiToken()
        .orElseThrow(
            () ->
                new Config.ConfigException(
                    "CHATWOOT_API_TOKEN is required when CHATWOOT_BASE_URL is set"));
  }

  private static ChatwootClient chatwootClient(
      Config config, ObjectMapper json, OutboundMetrics outbound) {
    HttpUrl base = chatwootBase(config);
    String token = chatwootToken(config);
    return new ChatwootClient(
        ChatwootClient.defaultHttpClient()
            .newBuilder()
            .addInterceptor(outbound.interceptor("chatwoot"))
            .build(),
        base,
        token,
        json);
  }

  private static void announce(Config config, int port) {
    if (config.agentTokenGenerated()) {
      log.warn(
          "AGENT_TOKEN is not set; agents can sign in with this generated token until restart: {}",
          config.agentTokens().keySet().iterator().next());
    }
    if (!config.supportEmailConfigured()) {
      log.warn(
          "SUPPORT_EMAIL is not set; the bot will tell customers to write to {}",
          config.supportEmail());
    }
    if (config.widgetSecret().isEmpty() && config.databaseUrl().isPresent()) {
      log.warn(
          "WIDGET_SECRET is not set: widget conversations opened through this instance cannot be "
              + "continued through another one; set the same WIDGET_SECRET on every instance");
    }
    log.info(
        "loginbot ready on http://localhost:{}/ (agent console: http://localhost:{}/agent)",
        port,
        port);
  }

  public int port() {
    return web.port();
  }

  @Override
  public void close() {
    closeAll(resources);
  }

  private static void closeAll(Deque<AutoCloseable> resources) {
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        log.warn("error while shutting down", e);
      }
    }
  }
}
