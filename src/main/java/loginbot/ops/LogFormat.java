package loginbot.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.Map;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The two log formats, set up in code: logback's XML configuration (Joran) took a tenth of a second
 * of every start. Text is the default ({@link LogConfigurator}); JSON replaces it when {@code
 * LOG_FORMAT=json}, and the switch works whenever it is called, even after loggers exist. Both
 * write to stderr, so that the eval and cv commands keep stdout for their report.
 */
public enum LogFormat {
  /**
   * One line per event. Line breaks inside a message or an exception's message are escaped, so
   * input a user controls (a REST sender, a message) can never forge a log line.
   */
  TEXT {
    @Override
    Encoder<ILoggingEvent> encoder(LoggerContext context) {
      PatternLayout layout = new PatternLayout();
      layout.setContext(context);
      layout.getInstanceConverterMap().put("oneLineMsg", OneLineMessage::new);
      layout.getInstanceConverterMap().put("oneLineEx", OneLineThrowable::new);
      layout.setPattern(TEXT_PATTERN);
      layout.start();
      LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
      encoder.setContext(context);
      encoder.setLayout(layout);
      return encoder;
    }
  },
  /** One JSON object per line, with the formatted message (not its pattern and arguments). */
  JSON {
    @Override
    Encoder<ILoggingEvent> encoder(LoggerContext context) {
      JsonEncoder encoder = new JsonEncoder();
      encoder.setContext(context);
      encoder.setWithSequenceNumber(false);
      encoder.setWithNanoseconds(false);
      encoder.setWithContext(false);
      encoder.setWithMessage(false);
      encoder.setWithArguments(false);
      encoder.setWithFormattedMessage(true);
      return encoder;
    }
  };

  static final String TEXT_PATTERN =
      "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %oneLineMsg%n%oneLineEx";

  /**
   * The levels of both formats, root included. OpenNLP logs every training iteration at INFO (100+
   * lines per start).
   */
  static final Map<String, Level> LEVELS =
      Map.of(
          Logger.ROOT_LOGGER_NAME,
          Level.INFO,
          "opennlp",
          Level.WARN,
          "org.eclipse.jetty",
          Level.WARN,
          "io.javalin",
          Level.INFO);

  abstract Encoder<ILoggingEvent> encoder(LoggerContext context);

  /** Switches to JSON lines when {@code json}; text needs nothing. */
  public static void apply(boolean json) {
    if (json) {
      JSON.replace(context());
    }
  }

  /** Drops whatever {@code context} logged with and logs in this format instead. */
  void replace(LoggerContext context) {
    context.reset();
    configure(context);
  }

  /** Adds this format's appender and the levels to a context that has none. */
  void configure(LoggerContext context) {
    Encoder<ILoggingEvent> encoder = encoder(context);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName(name());
    console.setTarget("System.err");
    console.setEncoder(encoder);
    console.start();
    LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(console);
  }

  static LoggerContext context() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)) {
      throw new IllegalStateException(
          "LOG_FORMAT=json needs logback as the slf4j binding, found "
              + factory.getClass().getName());
    }
    return context;
  }
}
