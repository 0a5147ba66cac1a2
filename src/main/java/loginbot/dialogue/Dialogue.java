package loginbot.dialogue;

import java.time.Instant;
import java.util.List;
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
          "c'est",
          "mon",
          "le",
          "here",
          "voici",
          "it's",
          "its",
          "new",
          "nouveau",
          "temporary",
          "temporaire",
          "pwd");

  private final Texts texts;
  private final Handoffs handoffs;
  private final CaseWalker walker;
  private final SystemTurns system;
  private final RoleDetector roles = new RoleDetector();

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
  }

  /** Applies one user message. */
  public Turn next(ConversationState state, UserInput input) {
    if (state.status() == Status.HANDOFF) {
      return new Turn(state, List.of()); // a person owns this conversation: the bot stays silent
    }
    TurnBuilder t = new TurnBuilder(state);
    Optional<Command> command = Command.parse(input.text());
    if (state.status() == Status.CLOSED) {
      if (Feedback.handle(t, input, command, texts)) {
        return t.turn();
      }
      t.restart();
      t.act(new Action.NewEpisode());
    }
    Role roleBefore = t.role;
    perceive(t, input);
    boolean roleLearned = roleBefore == null && t.role != null;
    if (input.containedPassword()) {
      t.say(texts.get(Msg.PASSWORD_WARNING, t.language));
      if (command.isEmpty() && onlyPassword(input.text())) {
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
      onText(t, input, roleLearned);
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
    t.facts.put("screenshot", s.attachmentId());
    Optional<CaseSpec> spec = s.caseId().flatMap(texts.content()::find);
    if (spec.isPresent() && s.shown().isPresent()) {
      t.say(texts.get(Msg.SCREEN_SHOWS, t.language).replace("{shown}", s.shown().get()));
      walker.start(t, spec.get(), at);
    } else {
      system.menu(t, s.read() ? Msg.SCREEN_UNKNOWN : Msg.SCREEN_NOT_READ);
    }
  }

  private void perceive(TurnBuilder t, UserInput input) {
    boolean image = input.screenshot().isPresent();
    if (!image || input.channelLanguage().isPresent()) {
      // A screenshot's text is the app's, not the user's: it does not change the language.
      t.language = LanguagePolicy.choose(texts.content(), t.language, input);
    }
    if (input.channelRole().isPresent()) {
      t.role = input.channelRole().get();
    } else if (t.role == null && !image) {
      t.role = roles.detect(input.text()).orElse(null);
    }
    t.facts.putAll(FactExtractor.extract(input.text()));
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
      t.role = r.role();
      startPendingOrMenu(t, at);
    } else if (command instanceof Command.Human) {
      handoffs.handOff(t, HandoffPacket.Reason.USER_ASKED, at);
    } else if (command instanceof Command.Menu) {
      system.menu(t, Msg.MENU_PROMPT);
    } else if (command instanceof Command.Rate r) {
      t.rating = r.stars();
      t.say(texts.get(Msg.FEEDBACK_THANKS, t.language));
    }
  }

  private void onText(TurnBuilder t, UserInput input, boolean roleLearned) {
    Instant at = input.at();
    Optional<Intent> intent = input.understanding().intent().or(() -> SmallTalk.read(input.text()));
    Optional<Boolean> yesNo = YesNo.read(input.text(), input.understanding());
    Optional<CaseSpec> caseOfIntent = intent.flatMap(texts.content()::forIntent);
    if (intent.isPresent() && intent.get().equals(Intent.HUMAN_AGENT)) {
      handoffs.handOff(t, HandoffPacket.Reason.USER_ASKED, at);
      return;
    }
    if (t.awaiting == Awaiting.ROLE && caseOfIntent.isEmpty()) {
      roles.answer(input.text()).ifPresent(r -> t.role = r);
      if (t.role != null) {
        startPendingOrMenu(t, at);
      } else {
        system.notUnderstood(t, false, at);
      }
      return;
    }
    if (t.awaiting == Awaiting.OUTCOME) {
      onStepReply(t, intent, yesNo, caseOfIntent, at);
      return;
    }
    if (t.awaiting == Awaiting.HUMAN_OFFER && yesNo.isPresent()) {
      onYesNo(t, yesNo.get(), at);
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

  /** A typed message while the bot waits for "Did that work?". */
  private void onStepReply(
      TurnBuilder t,
      Optional<Intent> intent,
      Optional<Boolean> yesNo,
      Optional<CaseSpec> caseOfIntent,
      Instant at) {
    if (yesNo.isEmpty() && walker.answeredByFacts(t, at)) {
      return;
    }
    if (yesNo.isPresent()) {
      walker.answer(t, yesNo.get(), at, system);
    } else if (intent.isPresent() && intent.get().equals(Intent.CANNOT_LOGIN)) {
      walker.answer(t, false, at, system); // "I still can't log in"
    } else if (intent.isPresent() && intent.get().equals(Intent.GOODBYE)) {
      walker.answer(t, true, at, system); // thanks after a step: it worked
    } else if (caseOfIntent.isPresent() && caseOfIntent.get().id().equals(t.caseId)) {
      walker.answer(t, false, at, system); // the same problem again: the step did not help
    } else if (caseOfIntent.isPresent()) {
      walker.start(t, caseOfIntent.get(), at);
    } else if (intent.isPresent() && intent.get().equals(Intent.GREETING)) {
      system.menu(t, Msg.GREETING);
    } else {
      system.notUnderstood(t, intent.isPresent() && intent.get().equals(Intent.OUT_OF_SCOPE), at);
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

  private static boolean onlyPassword(String maskedText) {
    String rest = YesNo.normalise(maskedText.replace(PasswordMasker.MASK, " "));
    return rest.isEmpty() || List.of(rest.split(" ")).stream().allMatch(PASSWORD_FILLER::contains);
  }
}
