package loginbot;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import loginbot.channel.ChatCommand;
import loginbot.dialogue.eval.AnswersCommand;
import loginbot.nlu.CrossValidationCommand;
import loginbot.nlu.EvalCommand;
import loginbot.nlu.TrainingData;
import loginbot.ops.LogFormat;
import loginbot.ops.OpsConfig;
import loginbot.store.InMemoryStore;
import loginbot.store.StoreStartupException;

/**
 * Command-line entry point: {@code serve} (default), {@code eval}, {@code cv}, {@code answers},
 * {@code chat}, {@code check}, {@code selftest}.
 */
public final class Main {
  /** {@link #run} result of {@code serve}: the server runs on its own threads until stopped. */
  static final int SERVING = -1;

  private Main() {}

  public static void main(String[] args) {
    int code = run(List.of(args), System.in, System.out, System.err);
    if (code != SERVING) {
      System.exit(code);
    }
  }

  static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    String command = args.isEmpty() ? "serve" : args.get(0);
    List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
    Config config;
    OpsConfig ops;
    try {
      config = Config.fromEnv(System.getenv());
      ops = OpsConfig.fromEnv(System.getenv());
    } catch (Config.ConfigException e) {
      err.println("loginbot: " + e.getMessage());
      return 2;
    }
    // Before the first log line of any command, so every line has the chosen format.
    LogFormat.apply(config.jsonLogs());
    try {
      switch (command) {
        case "serve":
          App app = App.start(config, ops);
          Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
          return SERVING;
        case "eval":
          return EvalCommand.run(
              rest, TrainingData.load(config.intentsDir()), App.decisionRule(config), out, err);
        case "cv":
          return CrossValidationCommand.run(
              rest, TrainingData.load(config.intentsDir()), App.decisionRule(config), out, err);
        case "answers":
          return AnswersCommand.run(rest, App.responder(config), out, err);
        case "chat":
          // The terminal chat keeps nothing: it is for trying the bot, not for real conversations.
          Clock clock = Clock.systemUTC();
          return ChatCommand.run(
              rest, App.conversations(config, new InMemoryStore(clock), clock), in, out);
        case "check":
          return CheckCommand.run(rest, config, out, err);
        case "selftest":
          return SelfTest.run(out, err);
        case "help":
        case "--help":
        case "-h":
          out.println(usage());
          return 0;
        default:
          err.println("loginbot: unknown command '" + command + "'\n" + usage());
          return 2;
      }
    } catch (Config.ConfigException e) {
      err.println("loginbot: " + e.getMessage());
      return 2;
    } catch (StoreStartupException e) {
      err.println("loginbot: cannot open the conversation store: " + e.getMessage());
      return 3;
    } catch (IllegalStateException e) {
      // Broken content or training files: fail at start with the message naming the file.
      err.println("loginbot: " + e.getMessage());
      return 1;
    }
  }

  static String usage() {
    return String.join(
        "\n",
        "usage: java -jar target/loginbot.jar [command]",
        "  serve                       run the bot on $PORT (default 7070); the default command",
        "  eval FILE... [--json]       evaluate the NLU on UTF-8 label<TAB>text[<TAB>category] files",
        "  cv [--folds K] [--json]     cross-validate the NLU over intents/",
        "  answers FILE...             replies to \"Did that work?\" (answer<TAB>category<TAB>text)",
        "                              through the real bot: resolved on no/unclear, per category",
        "  chat [--role R] [--lang L]  talk to the bot in this terminal",
        "  check [CONTENT_DIR [INTENTS_DIR]]  check edited content and training examples, and",
        "                              measure how well the bot recognises the examples",
        "  selftest                    start the bot on a temporary store, talk to it, stop",
        "  help                        this text");
  }
}
