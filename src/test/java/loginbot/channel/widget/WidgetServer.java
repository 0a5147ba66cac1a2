package loginbot.channel.widget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import loginbot.TestBot;
import loginbot.channel.ConversationService;
import loginbot.dialogue.ConversationState;
import loginbot.dialogue.HandoffPacket;
import loginbot.dialogue.Role;
import loginbot.dialogue.Status;
import loginbot.nlu.Language;
import loginbot.store.InMemoryStore;
import loginbot.store.TranscriptEntry;
import loginbot.store.TurnWrite;
import loginbot.web.AgentAuth;
import loginbot.web.AgentConsole;
import loginbot.web.AllowedOrigins;
import loginbot.web.ConversationsApi;
import loginbot.web.Json;
import loginbot.web.Requests;
import loginbot.web.SecurityHeaders;
import loginbot.web.WebServer;

/**
 * The web surfaces this package owns, on a real port, over an in-memory store and the real dialogue
 * (with the keyword NLU of the dialogue tests); with helpers that speak to it the way a browser
 * would.
 */
public final class WidgetServer implements AutoCloseable {
  public static final String AGENT_TOKEN = "alice-token-0123456789";
  public static final String BOB_TOKEN = "bob-token-0123456789ab";
  public static final byte[] KEY =
      "a-test-key-that-is-long-enough-0123456789".getBytes(StandardCharsets.UTF_8);

  public final ObjectMapper json = Json.newMapper();
  public final InMemoryStore store;
  public final loginbot.store.Attachments attachments;
  public final WidgetParts parts;
  public final ConversationService conversations;
  public final WidgetChannel widget;
  public final Javalin app;
  public final loginbot.web.ConsoleEvents consoleEvents;
  public final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public WidgetServer(AllowedOrigins origins) {
    this(origins, Clock.systemUTC(), loginbot.attachment.Ocr.NONE);
  }

  /** With the clock the tokens age by, and a text reader for screenshots. */
  public WidgetServer(AllowedOrigins origins, Clock clock, loginbot.attachment.Ocr ocr) {
    this.store = new InMemoryStore(clock);
    conversations = TestBot.builder().clock(clock).store(store).build().service;
    Requests requests = new Requests(json);
    WidgetSettings settings =
        new WidgetSettings(
            origins, KEY, Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofMinutes(1), 4);
    var content = loginbot.dialogue.content.ContentCatalog.fromClasspath();
    var defaults = WidgetParts.defaults(conversations, store, Admission.OPEN);
    attachments = defaults.attachments();
    parts =
        new WidgetParts(
            conversations,
            store,
            defaults.sessions(),
            attachments,
            WidgetParts.intake(ocr, content),
            defaults.welcome(),
            defaults.hours(),
            new loginbot.channel.widget.QueueWatch(store, clock, Duration.ZERO),
            clock,
            io.javalin.http.Context::ip,
            Admission.OPEN,
            content.ui());
    widget = new WidgetChannel(parts, requests, settings);
    var agents = new AgentAuth(Map.of(AGENT_TOKEN, "Alice", BOB_TOKEN, "Bob"));
    var api = new ConversationsApi(conversations, store, agents, requests);
    consoleEvents = new loginbot.web.ConsoleEvents(store, agents, clock, Duration.ofMillis(50));
    app =
        WebServer.create(
            json,
            List.of(
                new SecurityHeaders(origins),
                widget,
                api,
                new AgentSignals(agents, parts.sessions(), requests, clock),
                new loginbot.web.AttachmentsApi(agents, attachments),
                new loginbot.web.CannedRepliesApi(
                    agents, new loginbot.store.InMemoryCannedReplies(), requests, clock),
                new AgentConsole(content.ui(), content.cases().stream().map(c -> c.id()).toList()),
                new loginbot.web.ReadyReplies(store, content, agents),
                consoleEvents));
    app.start("127.0.0.1", 0);
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }

  public HttpResponse<String> get(String path, Consumer<HttpRequest.Builder> extra) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    extra.accept(b);
    return send(b.build());
  }

  public HttpResponse<String> post(String path, String body, Consumer<HttpRequest.Builder> extra) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    extra.accept(b);
    return send(b.build());
  }

  /** Uploads image bytes as the conversation's next message. */
  public HttpResponse<String> upload(WidgetChannel.Created c, byte[] image, String messageId) {
    return send(
        HttpRequest.newBuilder(
                uri(
                    "/widget/conversations/"
                        + c.id()
                        + "/attachments?clientMessageId="
                        + messageId))
            .header("Content-Type", "image/png")
            .header("X-Widget-Token", c.token())
            .POST(HttpRequest.BodyPublishers.ofByteArray(image))
            .build());
  }

  /** A GET returning bytes (images). */
  public HttpResponse<byte[]> bytes(String path, Consumer<HttpRequest.Builder> extra) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    extra.accept(b);
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The status of a request whose body may never end (an event stream): headers only. */
  public int status(String path, Consumer<HttpRequest.Builder> extra) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    extra.accept(b);
    try {
      HttpResponse<java.io.InputStream> response =
          http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      response.body().close();
      return response.statusCode();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A short-lived ticket that opens this conversation's event stream. */
  public String ticket(WidgetChannel.Created c) {
    HttpResponse<String> response =
        post(
            "/widget/conversations/" + c.id() + "/tickets",
            "",
            b -> b.header("X-Widget-Token", c.token()));
    if (response.statusCode() != 200) {
      throw new AssertionError("ticket refused: " + response.statusCode() + " " + response.body());
    }
    return parse(response).get("ticket").asText();
  }

  public JsonNode parse(HttpResponse<String> response) {
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  /** A conversation created through the widget endpoint: {id, token}. */
  public WidgetChannel.Created createConversation() {
    HttpResponse<String> response = post("/widget/conversations", "", b -> {});
    if (response.statusCode() != 201) {
      throw new AssertionError("create failed: " + response.statusCode() + " " + response.body());
    }
    JsonNode body = parse(response);
    return new WidgetChannel.Created(body.get("id").asText(), body.get("token").asText());
  }

  /** Puts a conversation into the store as if the bot had talked and then handed off to a human. */
  public void seedHandedOff(String id, String userText) {
    var state =
        new ConversationState(
            Status.HANDOFF,
            Role.CUSTOMER,
            Language.EN,
            "invalid_credentials",
            2,
            ConversationState.Awaiting.NOTHING,
            List.of(),
            Map.of(),
            0,
            false,
            List.of(userText));
    Instant now = Instant.now();
    var packet =
        new HandoffPacket(
            HandoffPacket.Reason.STEPS_EXHAUSTED,
            Role.CUSTOMER,
            Language.EN,
            "invalid_credentials",
            List.of(new HandoffPacket.StepTried("forgot_password", "no")),
            Map.of(),
            null,
            List.of(userText),
            "Customer still locked out after the reset e-mail.",
            now);
    store.runTurn(
        id,
        "widget",
        null,
        current ->
            new TurnWrite(
                state,
                List.of(
                    new TranscriptEntry.Draft(
                        now,
                        TranscriptEntry.Author.USER,
                        null,
                        userText,
                        List.of(),
                        "deny",
                        0.9,
                        true),
                    new TranscriptEntry.Draft(
                        now,
                        TranscriptEntry.Author.BOT,
                        null,
                        "A person will take over.",
                        List.of(),
                        null,
                        null,
                        true)),
                Optional.of(packet),
                List.of(),
                List.of()));
  }

  /** Adds a note for agents (a SYSTEM line) to a stored conversation, changing nothing else. */
  public void note(String id, String text) {
    store.runTurn(
        id,
        "note",
        null,
        current ->
            new TurnWrite(
                current.orElseThrow().state(),
                List.of(
                    new TranscriptEntry.Draft(
                        Instant.now(),
                        TranscriptEntry.Author.SYSTEM,
                        "widget",
                        text,
                        List.of(),
                        null,
                        null,
                        true)),
                Optional.empty(),
                List.of(),
                List.of()));
  }

  @Override
  public void close() {
    app.stop();
    widget.close();
    consoleEvents.close();
  }
}
