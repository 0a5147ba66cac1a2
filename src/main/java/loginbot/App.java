package loginbot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import io.micrometer.core.instrument.MeterRegistry;
import loginbot.channel.ConversationService;
import loginbot.channel.MessageGate;
import loginbot.channel.TurnObserver;
import loginbot.channel.rest.RestChannel;
import loginbot.dialogue.Dialogue;
import loginbot.dialogue.PasswordMasker;
import loginbot.dialogue.Responder;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.handoff.SupportHours;
import loginbot.nlu.DecisionRule;
import loginbot.nlu.TrainedNlu;
import loginbot.nlu.TrainingData;
import loginbot.ops.Analytics;
import loginbot.ops.AnalyticsApi;
import loginbot.ops.ClientRateLimit;
import loginbot.ops.HttpMetrics;
import loginbot.ops.OpsConfig;
import loginbot.ops.OpsRoutes;
import loginbot.ops.RateLimiter;
import loginbot.ops.SenderRateLimit;
import loginbot.ops.Telemetry;
import loginbot.ops.TimedStore;
import loginbot.ops.TurnMetrics;
import loginbot.store.ConversationStore;
import loginbot.store.RetentionJob;
import loginbot.store.Stores;
import loginbot.web.AgentAuth;
import loginbot.web.ConversationsApi;
import loginbot.web.Json;
import loginbot.web.Requests;
import loginbot.web.Routes;
import loginbot.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: the one place that turns configuration into running components. */
public final class App implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(App.class);
  /** Endpoints anyone on the internet may call: limited per client address. */
  static final List<String> PUBLIC_PREFIXES = List.of("/webhooks/", "/widget/");

  private final Javalin web;
  private final ConversationStore store;
  private final RetentionJob retention;
  private final Telemetry telemetry;

  private App(Javalin web, ConversationStore store, RetentionJob retention, Telemetry telemetry) {
    this.web = web;
    this.store = store;
    this.retention = retention;
    this.telemetry = telemetry;
  }

  /** The trained NLU exactly as the server uses it; the eval and cv commands share it. */
  static DecisionRule decisionRule(Config config) {
    return new DecisionRule(
        config.nluThreshold().orElse(DecisionRule.DEFAULT.threshold()),
        config.nluMargin().orElse(DecisionRule.DEFAULT.margin()));
  }

  /** Everything but the HTTP server: what the terminal chat needs too. */
  static ConversationService conversations(Config config, ConversationStore store, Clock clock) {
    return conversations(config, store, clock, MessageGate.ALL, TurnObserver.NONE);
  }

  static ConversationService conversations(
      Config config, ConversationStore store, Clock clock, MessageGate gate, TurnObserver observer) {
    TrainedNlu nlu = TrainedNlu.train(TrainingData.load(config.intentsDir()), decisionRule(config));
    SupportHours hours = config.supportHours().map(SupportHours::parse).orElse(SupportHours.alwaysOpen());
    Dialogue dialogue = new Dialogue(ContentCatalog.fromClasspath(), config.supportEmail(), hours);
    return new ConversationService(store, new Responder(nlu, new PasswordMasker(), dialogue), clock, gate, observer);
  }

  public static App start(Config config, OpsConfig ops) {
    Clock clock = Clock.systemUTC();
    ObjectMapper json = Json.newMapper();
    Telemetry telemetry = new Telemetry();
    MeterRegistry registry = telemetry.registry();
    ConversationStore store = new TimedStore(Stores.open(config.databaseUrl(), config.dataDir(), clock), registry);
    RetentionJob retention = new RetentionJob(
        store, clock, Duration.ofDays(config.retentionDays()), Duration.ofHours(1));
    ConversationService conversations = conversations(config, store, clock,
        new SenderRateLimit(new RateLimiter(ops.perSender()), registry), new TurnMetrics(registry));
    Requests requests = new Requests(json);
    AgentAuth agents = new AgentAuth(config.agentTokens());
    List<Routes> surfaces = new ArrayList<>();
    // First, so that every request is timed, including those the limits refuse.
    surfaces.add(new HttpMetrics(registry, List.of("/webhooks/")));
    surfaces.add(new ClientRateLimit(
        new RateLimiter(ops.perClient()), PUBLIC_PREFIXES, ops.trustForwardedFor(), registry));
    surfaces.add(new OpsRoutes(telemetry, store, ops.metricsToken()));
    surfaces.add(new RestChannel(conversations, requests));
    surfaces.add(new ConversationsApi(conversations, store, agents));
    surfaces.add(new AnalyticsApi(new Analytics(store, clock), agents, clock));
    Javalin web = WebServer.create(json, surfaces, ops.drainTimeout()).start(config.port());
    if (config.agentTokenGenerated()) {
      log.warn("AGENT_TOKEN is not set; agents can sign in with this generated token until restart: {}",
          config.agentTokens().keySet().iterator().next());
    }
    if (!config.supportEmailConfigured()) {
      log.warn("SUPPORT_EMAIL is not set; the bot will tell customers to write to {}", config.supportEmail());
    }
    retention.start();
    log.info("loginbot ready on http://localhost:{}/", web.port());
    return new App(web, store, retention, telemetry);
  }

  public int port() {
    return web.port();
  }

  /**
   * Stops in dependency order: the server stops accepting and waits for turns in flight (up to
   * SHUTDOWN_TIMEOUT_SECONDS), then background jobs end, then the store closes.
   */
  @Override
  public void close() {
    web.stop();
    retention.close();
    store.close();
    telemetry.close();
  }
}
