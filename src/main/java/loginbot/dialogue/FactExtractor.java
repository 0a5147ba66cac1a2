package loginbot.dialogue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks facts out of a (masked) user message for the handoff packet: the identifier they log in
 * with (an e-mail address, or a username such as {@code alain_sirois}), the app platform and
 * version, whether the client belongs to several companies, whether spam was checked. Pure.
 */
final class FactExtractor {
  static final String IDENTIFIER = "identifier";
  static final String IDENTIFIER_TYPE = "identifier_type";

  static final Pattern EMAIL = Pattern.compile("(?<![\\w.+-])[\\w.+-]++@[\\w-]++(?:\\.[\\w-]++)+");
  private static final Pattern LABELLED_USERNAME =
      Pattern.compile(
          "(?iuU)\\b(?:username|user name|user id|login|nom d'utilisateur|nom d’utilisateur|identifiant)"
              + "\\s*(?:is|est|:|=|c'est)\\s*[\"'«“]?\\s*([\\p{L}\\p{N}._-]{3,40})");
  private static final Pattern BARE_USERNAME =
      Pattern.compile("(?i)(?<![\\w@.])([a-z][a-z0-9]*(?:[_.][a-z0-9]+)+)(?![\\w@])");
  private static final Pattern SEVERAL_COMPANIES =
      Pattern.compile(
          "(?iu)\\b(more than one|several|multiple|two|2|many) (companies|businesses|company)"
              + "|\\b(plusieurs|deux|2) (entreprises|compagnies|organisations)"
              + "|\\bplus d'une (entreprise|compagnie)");
  private static final Pattern IOS = Pattern.compile("(?iu)\\b(iphone|ipad|ios)\\b");
  private static final Pattern ANDROID =
      Pattern.compile("(?iu)\\b(android|samsung|pixel|galaxy)\\b");
  private static final Pattern VERSION =
      Pattern.compile("(?iu)\\b(?:version|v)\\s*(\\d+(?:\\.\\d+){1,3})\\b");
  private static final Pattern SPAM_CHECKED =
      Pattern.compile(
          "(?iuU)\\b(checked|looked|searched|not in|nothing in|already"
              + "|vérifié|verifie|regardé|regarde|cherché|pas dans|rien dans|déjà)\\b"
              + ".{0,30}\\b(spam|spams|junk|pourriels?|indésirables?)\\b"
              + "|\\b(spam|spams|junk|pourriels?|indésirables?)\\b.{0,30}\\b(too|either|nothing|empty|rien|aussi"
              + "|non plus|vide)\\b");

  private FactExtractor() {}

  static Map<String, String> extract(String text) {
    Map<String, String> facts = new LinkedHashMap<>();
    Matcher email = EMAIL.matcher(text);
    Matcher labelled = LABELLED_USERNAME.matcher(text);
    if (email.find()) {
      facts.put(IDENTIFIER, email.group());
      facts.put(IDENTIFIER_TYPE, "email");
    } else if (labelled.find() && !labelled.group(1).contains(PasswordMasker.MASK)) {
      facts.put(IDENTIFIER, labelled.group(1));
      facts.put(IDENTIFIER_TYPE, "username");
    } else {
      // A bare token is taken for a username only with an underscore (alain_sirois): dotted words
      // are too often versions or domains.
      Matcher bare = BARE_USERNAME.matcher(text);
      while (bare.find()) {
        if (bare.group(1).contains("_")) {
          facts.put(IDENTIFIER, bare.group(1));
          facts.put(IDENTIFIER_TYPE, "username");
          break;
        }
      }
    }
    if (SEVERAL_COMPANIES.matcher(text).find()) {
      facts.put("several_companies", "yes");
    }
    if (IOS.matcher(text).find()) {
      facts.put("app_platform", "ios");
    } else if (ANDROID.matcher(text).find()) {
      facts.put("app_platform", "android");
    }
    Matcher version = VERSION.matcher(text);
    if (version.find()) {
      facts.put("app_version", version.group(1));
    }
    if (SPAM_CHECKED.matcher(text).find()) {
      facts.put("spam_checked", "yes");
    }
    return facts;
  }
}
