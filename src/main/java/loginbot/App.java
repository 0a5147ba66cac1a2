package loginbot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import loginbot.channel.ConversationService;
import loginbot.channel.rest.RestChannel;
import loginbot.dialogue.Dialogue;
import loginbot.dialogue.PasswordMasker;
import loginbot.dialogue.Responder;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.handoff.SupportHours;
import loginbot.nlu.DecisionRule;
import loginbot.nlu.TrainedNlu;
import loginbot.nlu.TrainingData;
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

  private final Javalin web;
  private final ConversationStore store;
  private final RetentionJob retention;

  private App(Javalin web, ConversationStore store, RetentionJob retention) {
    this.web = web;
    this.store = store;
    this.retention = retention;
  }

  /** The trained NLU exactly as the server uses it; the eval and cv commands share it. */
  static DecisionRule decisionRule(Config config) {
    return new DecisionRule(
        config.nluThreshold().orElse(DecisionRule.DEFAULT.threshold()),
        config.nluMargin().orElse(DecisionRule.DEFAULT.margin()));
  }

  /** Everything but the HTTP server: what the terminal chat needs too. */
  static ConversationService conversations(Config config, ConversationStore store, Clock clock) {
    TrainedNlu nlu = TrainedNlu.train(TrainingData.load(config.intentsDir()), decisionRule(config));
    SupportHours hours = config.supportHours().map(SupportHours::parse).orElse(SupportHours.alwaysOpen());
    Dialogue dialogue = new Dialogue(ContentCatalog.fromClasspath(), config.supportEmail(), hours);
    return new ConversationService(store, new Responder(nlu, new PasswordMasker(), dialogue), clock);
  }

  public static App start(Config config) {
    Clock clock = Clock.systemUTC();
    ObjectMapper json = Json.newMapper();
    ConversationStore store = Stores.open(config.databaseUrl(), config.dataDir(), clock);
    RetentionJob retention = new RetentionJob(
        store, clock, Duration.ofDays(config.retentionDays()), Duration.ofHours(1));
    ConversationService conversations = conversations(config, store, clock);
    Requests requests = new Requests(json);
    List<Routes> surfaces = new ArrayList<>();
    surfaces.add(new RestChannel(conversations, requests));
    surfaces.add(new ConversationsApi(conversations, store, new AgentAuth(config.agentTokens())));
    Javalin web = WebServer.create(json, surfaces).start(config.port());
    if (config.agentTokenGenerated()) {
      log.warn("AGENT_TOKEN is not set; agents can sign in with this generated token until restart: {}",
          config.agentTokens().keySet().iterator().next());
    }
    if (!config.supportEmailConfigured()) {
      log.warn("SUPPORT_EMAIL is not set; the bot will tell customers to write to {}", config.supportEmail());
    }
    retention.start();
    log.info("loginbot ready on http://localhost:{}/", web.port());
    return new App(web, store, retention);
  }

  public int port() {
    return web.port();
  }

  @Override
  public void close() {
    web.stop();
    retention.close();
    store.close();
  }
}
