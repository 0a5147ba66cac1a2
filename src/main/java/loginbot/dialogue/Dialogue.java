package loginbot.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import loginbot.dialogue.ConversationState.Awaiting;
import loginbot.dialogue.content.CaseSpec;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.dialogue.content.Msg;
import loginbot.handoff.SupportHours;
import loginbot.nlu.Intent;

/**
 * The conversation logic: a pure function of state and input, no I/O. Button payloads are read
 * first, then a typed yes/no in context, then the NLU's intent.
 */
public final class Dialogue {
  private static final Set<String> PASSWORD_FILLER =
      Set.of(
          "my",
          "the",
          "password",
          "is",
          "mdp",
          "mot",
          "de",
          "passe",
          "est",
          "c",
          "mon",
          "le",
          "here",
          "voici",
          "its",
          "heres",
          "new",
          "nouveau",
          "temporary",
          "temporaire",
          "pwd");

  private final Texts texts;
  private final Handoffs handoffs;
  private final CaseWalker walker;
  private final SystemTurns system;
  private final OutcomeReply outcomes;
  private final RoleQuestion roleQuestion;
  private final CueReader cues;
  private final LanguagePolicy languages;

  /**
   * @param supportEmail the address customers can write to (SUPPORT_EMAIL)
   * @param supportHours when agents answer; the handoff notice says when they are back
   */
  public Dialogue(ContentCatalog content, String supportEmail, SupportHours supportHours) {
    if (supportEmail == null || supportEmail.isBlank()) {
      throw new IllegalArgumentException("supportEmail is required (SUPPORT_EMAIL)");
    }
    this.texts = new Texts(content, supportEmail.trim());
    this.handoffs = new Handoffs(texts, supportHours);
    this.walker = new CaseWalker(texts, handoffs);
    this.system = new SystemTurns(texts, handoffs, walker);
    this.outcomes = new OutcomeReply(texts, walker, system, handoffs);
    this.roleQuestion = new RoleQuestion(texts);
    this.cues = new CueReader(content.words());
    this.languages = new LanguagePolicy(content);
  }

  /** Applies one user message. */
  public Turn next(ConversationState state, UserInput input) {
    if (state.status() == Status.HANDOFF) {
      return new Turn(state, List.of()); // a person owns this conversation: the bot stays silent
    }
    TurnBuilder t = new TurnBuilder(state);
    Optional<Command> command = Command.parse(input.text());
    Cues said = cues.read(input.understanding());
    boolean restart = command.filter(Command.Restart.class::isInstance).isPresent();
    if (state.status() == Status.CLOSED || (restart && startedSomething(state))) {
      if (!restart && Feedback.handle(t, input, said, command, texts, languages)) {
        return t.turn();
      }
      t.restart();
      t.act(new Action.NewEpisode());
    }
    Role roleBefore = t.role;
    perceive(t, input, said, command.isPresent());
    boolean roleLearned = roleBefore == null && t.role != null;
    if (input.containedPassword()) {
      t.say(texts.get(Msg.PASSWORD_WARNING, t.language));
      if (command.isEmpty() && onlyPassword(input.understanding().reading().words())) {
        t.notUnderstoodInRow = t.previousMisses();
        system.reprompt(t);
        return t.turn();
      }
    }
    if (input.screenshot().isPresent()) {
      onScreenshot(t, input.screenshot().get(), input.at());
    } else if (command.isPresent()) {
      onCommand(t, command.get(), input.at());
    } else {
      onText(t, input, said, roleLearned);
    }
    return t.turn();
  }

  /** An agent gives the conversation back to the bot. */
  public Turn handBack(ConversationState state) {
    TurnBuilder t = new TurnBuilder(state);
    t.status = Status.BOT;
    t.caseId = null;
    t.stepId = null;
    t.pendingCaseId = null;
    t.notUnderstoodInRow = 0;
    t.awaiting = Awaiting.CASE_CHOICE;
    t.say(texts.get(Msg.HANDED_BACK, t.language), texts.greetingMenu(t.language));
    return t.turn();
  }

  /** A person took the conversation over without the bot handing off: the bot goes silent. */
  public Turn takenOver(ConversationState state) {
    TurnBuilder t = new TurnBuilder(state);
    t.status = Status.HANDOFF;
    t.pendingCaseId = null;
    t.awaiting = Awaiting.NOTHING;
    return t.turn();
  }

  /** An agent closes the conversation; the user may still rate it. */
  public Turn close(ConversationState state) {
    TurnBuilder t = new TurnBuilder(state);
    t.status = Status.CLOSED;
    t.pendingCaseId = null;
    t.awaiting = Awaiting.RATING;
    t.say(texts.get(Msg.AGENT_CLOSED, t.language));
    t.say(texts.get(Msg.RATING_QUESTION, t.language), Texts.rating());
    t.act(new Action.Close(t.resolved));
    return t.turn();
  }

  /** An image: the case its message starts, else what the bot could not read and the menu. */
  private void onScreenshot(TurnBuilder t, Screenshot s, Instant at) {
    if (s.refused().isPresent()) {
      // Only this is said: the text sent with the image, if any, is answered in its own turn.
      t.say(texts.get(refusal(s.refused().get()), t.language));
      return;
    }
    t.facts.put("screenshot", s.attachmentId());
    Optional<CaseSpec> spec = s.caseId().flatMap(texts.content()::find);
    if (spec.isPresent() && s.shown().isPresent()) {
      t.say(texts.get(Msg.SCREEN_SHOWS, t.language).replace("{shown}", s.shown().get()));
      walker.start(t, spec.get(), at);
    } else {
      system.menu(t, s.read() ? Msg.SCREEN_UNKNOWN : Msg.SCREEN_NOT_READ);
    }
  }

  private static Msg refusal(Screenshot.Refusal why) {
    return switch (why) {
      case TOO_LARGE -> Msg.IMAGE_TOO_LARGE;
      case NOT_SUPPORTED -> Msg.IMAGE_NOT_SUPPORTED;
      case UNAVAILABLE -> Msg.IMAGE_UNAVAILABLE;
    };
  }

  private void perceive(TurnBuilder t, UserInput input, Cues said, boolean command) {
    boolean image = input.screenshot().isPresent();
    if (!image || input.channelLanguage().isPresent()) {
      // A screenshot's text is the app's, not the user's: it does not change the language.
      t.language = languages.choose(t.language, input);
    }
    if (input.channelRole().isPresent()) {
      t.role = input.channelRole().get();
    } else if (t.role == null && !image) {
      t.role = said.role().orElse(null);
    }
    // A button's payload ("/case invalid_credentials") is ours, not something the user told us.
    Map<String, String> extracted = command ? Map.of() : FactExtractor.extract(input.text());
    t.facts.putAll(extracted);
    if (!image && !command) {
      // What the user wrote (not what the app's screen shows) is stated by the user.
      t.statedFacts.addAll(extracted.keySet());
      t.facts.putAll(said.stated());
      t.statedFacts.addAll(said.stated().keySet());
    }
    t.heard(input.text());
  }

  private void onCommand(TurnBuilder t, Command command, Instant at) {
    if (command instanceof Command.StartCase c) {
      Optional<CaseSpec> spec = texts.content().find(c.caseId());
      if (spec.isPresent()) {
        walker.start(t, spec.get(), at);
      } else {
        system.notUnderstood(t, false, at);
      }
    } else if (command instanceof Command.Answer a) {
      onYesNo(t, a.yes(), at);
    } else if (command instanceof Command.ChooseRole r) {
      boolean switched = t.role != null && t.role != r.role();
      t.role = r.role();
      if (switched && t.pendingCaseId == null && t.caseId != null) {
        t.pendingCaseId = t.caseId; // "I'm a professional" after the bot assumed otherwise
      }
      startPendingOrMenu(t, at);
    } else if (command instanceof Command.Human) {
      handoffs.handOff(t, HandoffPacket.Reason.USER_ASKED, at);
    } else if (command instanceof Command.Menu) {
      system.menu(t, Msg.MENU_PROMPT);
    } else if (command instanceof Command.Restart || command instanceof Command.GetStarted) {
      system.menu(t, Msg.GREETING); // a client opening or resetting the chat: never a miss
    } else if (command instanceof Command.Rate r) {
      t.rating = r.stars();
      t.say(texts.get(Msg.FEEDBACK_THANKS, t.language));
    }
  }

  private void onText(TurnBuilder t, UserInput input, Cues said, boolean roleLearned) {
    Instant at = input.at();
    Optional<Intent> intent = input.understanding().intent().or(said::smallTalk);
    Optional<CaseSpec> caseOfIntent = intent.flatMap(texts.content()::forIntent);
    if (intent.isPresent() && intent.get().equals(Intent.HUMAN_AGENT)) {
      handoffs.handOff(t, HandoffPacket.Reason.USER_ASKED, at);
      return;
    }
    // A short answer naming a role answers the question, whatever problem the classifier hears in
    // "it's my own account".
    if (t.awaiting == Awaiting.ROLE && (caseOfIntent.isEmpty() || said.roleAnswer().isPresent())) {
      said.roleAnswer().ifPresent(r -> t.role = r);
      if (t.role != null) {
        startPendingOrMenu(t, at);
      } else {
        if (roleQuestion.unanswered(t)) {
          startPendingOrMenu(t, at);
        }
      }
      return;
    }
    if (t.awaiting == Awaiting.OUTCOME) {
      outcomes.reply(t, said, intent, caseOfIntent, input.containedPassword(), at);
      return;
    }
    if (t.awaiting == Awaiting.HUMAN_OFFER && said.yesNo().isPresent()) {
      onYesNo(t, said.yesNo().get(), at);
      return;
    }
    if (caseOfIntent.isPresent()) {
      walker.start(t, caseOfIntent.get(), at);
    } else if (intent.isEmpty() && roleLearned) {
      system.menu(t, Msg.MENU_PROMPT); // "I'm a professional": nothing to misunderstand
    } else if (intent.isEmpty()) {
      system.notUnderstood(t, false, at);
    } else if (intent.get().equals(Intent.GREETING)) {
      system.menu(t, Msg.GREETING);
    } else if (intent.get().equals(Intent.GOODBYE)) {
      system.end(t, Msg.GOODBYE);
    } else if (intent.get().equals(Intent.CANNOT_LOGIN)) {
      t.awaiting = Awaiting.CASE_CHOICE;
      t.say(texts.get(Msg.CANNOT_LOGIN, t.language), texts.cannotLoginMenu(t.language));
    } else {
      system.notUnderstood(t, intent.get().equals(Intent.OUT_OF_SCOPE), at);
    }
  }

  private void onYesNo(TurnBuilder t, boolean yes, Instant at) {
    if (t.awaiting == Awaiting.OUTCOME) {
      walker.answer(t, yes, at, system);
    } else if (t.awaiting == Awaiting.HUMAN_OFFER) {
      if (yes) {
        handoffs.handOff(t, HandoffPacket.Reason.NOT_UNDERSTOOD, at);
      } else {
        system.menu(t, Msg.MENU_PROMPT);
      }
    } else {
      system.notUnderstood(t, false, at);
    }
  }

  private void startPendingOrMenu(TurnBuilder t, Instant at) {
    Optional<CaseSpec> pending = texts.content().find(t.pendingCaseId);
    if (pending.isPresent()) {
      walker.start(t, pending.get(), at);
    } else {
      system.menu(t, Msg.MENU_PROMPT);
    }
  }

  /**
   * Whether the conversation holds anything a restart would end (a fresh one needs no new episode).
   */
  private static boolean startedSomething(ConversationState s) {
    return s.caseId() != null
        || s.pendingCaseId() != null
        || !s.steps().isEmpty()
        || (s.awaiting() != Awaiting.NOTHING && s.awaiting() != Awaiting.CASE_CHOICE)
        || s.notUnderstoodInRow() > 0;
  }

  /** The masked message's words (the mask itself reads as no word) hold nothing but filler. */
  private static boolean onlyPassword(List<String> words) {
    return words.stream().allMatch(PASSWORD_FILLER::contains);
  }
}
