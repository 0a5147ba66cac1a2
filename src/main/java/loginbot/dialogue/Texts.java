package loginbot.dialogue;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loginbot.dialogue.content.CaseSpec;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.dialogue.content.Label;
import loginbot.dialogue.content.Msg;
import loginbot.nlu.Language;

/** Renders content in the conversation's language: placeholders filled, buttons built. */
final class Texts {
  private static final Pattern MENU = Pattern.compile("\\{menu(?::([a-z0-9_]+))?}");
  private final ContentCatalog content;
  private final String supportEmail;

  Texts(ContentCatalog content, String supportEmail) {
    this.content = content;
    this.supportEmail = supportEmail;
  }

  ContentCatalog content() {
    return content;
  }

  String get(Msg msg, Language language) {
    return fill(content.message(msg, language), language);
  }

  String fill(String text, Language language) {
    return menus(text, language).replace("{supportEmail}", supportEmail);
  }

  /** {@code {menu}} (or {@code {menu:name}}) becomes that menu's titles, one per line. */
  private String menus(String text, Language language) {
    Matcher m = MENU.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) == null ? ContentCatalog.MAIN_MENU : m.group(1);
      StringBuilder list = new StringBuilder();
      for (CaseSpec spec : content.menu(name)) {
        list.append("\n• ").append(spec.title(language));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(list.toString()));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** "Monday, December 1 at 9:00 AM Eastern Time" / "lundi 1 décembre à 9 h 00, heure de l’Est". */
  static String when(ZonedDateTime at, Language language) {
    Locale locale = language.locale();
    DateTimeFormatter format =
        language.equals(Language.FR)
            ? DateTimeFormatter.ofPattern("EEEE d MMMM 'à' H 'h' mm", locale)
            : language.equals(Language.EN)
                ? DateTimeFormatter.ofPattern("EEEE, MMMM d 'at' h:mm a", locale)
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                    .withLocale(locale);
    String zone = at.getZone().getDisplayName(TextStyle.FULL, locale);
    String separator = language.equals(Language.FR) ? ", " : " ";
    return format.format(at) + separator + zone;
  }

  List<Button> yesNo(Language language) {
    return List.of(
        new Button(content.label(Label.YES, language), Command.YES),
        new Button(content.label(Label.NO, language), Command.NO));
  }

  List<Button> greetingMenu(Language language) {
    List<Button> buttons = new ArrayList<>(caseButtons(content.greetingMenu(), language));
    buttons.add(new Button(content.label(Label.HUMAN, language), Command.HUMAN));
    return buttons;
  }

  List<Button> cannotLoginMenu(Language language) {
    return caseButtons(content.cannotLoginMenu(), language);
  }

  List<Button> roles(Language language) {
    return List.of(
        new Button(content.label(Label.CUSTOMER, language), Command.role(Role.CUSTOMER)),
        new Button(content.label(Label.PROFESSIONAL, language), Command.role(Role.PROFESSIONAL)));
  }

  List<Button> humanOffer(Language language) {
    return List.of(
        new Button(content.label(Label.HUMAN_YES, language), Command.HUMAN),
        new Button(content.label(Label.HUMAN_NO, language), Command.MENU));
  }

  /** Yes / No and a person: after an unclear answer to "Did that work?". */
  List<Button> clarify(Language language) {
    List<Button> buttons = new ArrayList<>(yesNo(language));
    buttons.add(new Button(content.label(Label.HUMAN, language), Command.HUMAN));
    return buttons;
  }

  List<Button> stepFallback(Language language) {
    List<Button> buttons = new ArrayList<>(yesNo(language));
    buttons.add(new Button(content.label(Label.OTHER_PROBLEM, language), Command.MENU));
    return buttons;
  }

  static List<Button> rating() {
    List<Button> buttons = new ArrayList<>();
    for (int stars = 1; stars <= 5; stars++) {
      buttons.add(new Button(String.valueOf(stars), Command.rate(stars)));
    }
    return buttons;
  }

  private static List<Button> caseButtons(List<CaseSpec> cases, Language language) {
    return cases.stream()
        .map(c -> new Button(c.title(language), Command.startCase(c.id())))
        .toList();
  }
}
