package loginbot.ops;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/**
 * A stack trace as logback prints it, but with line breaks inside each exception's message escaped
 * ({@code %oneLineEx}): an exception may quote input (a parser's error, a bad id), and its message
 * must not forge a log line either. The frames keep their own lines.
 */
public final class OneLineThrowable extends ThrowableProxyConverter {
  @Override
  protected String throwableProxyToString(IThrowableProxy proxy) {
    return super.throwableProxyToString(escaped(proxy));
  }

  private static IThrowableProxy escaped(IThrowableProxy proxy) {
    return proxy == null ? null : new Escaped(proxy);
  }

  /** The same exception, with its message (and its causes' messages) on one line. */
  private record Escaped(IThrowableProxy original) implements IThrowableProxy {
    @Override
    public String getMessage() {
      return OneLineMessage.escape(original.getMessage());
    }

    @Override
    public String getOverridingMessage() {
      return OneLineMessage.escape(original.getOverridingMessage());
    }

    @Override
    public String getClassName() {
      return original.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
      return original.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
      return original.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
      return escaped(original.getCause());
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
      IThrowableProxy[] suppressed = original.getSuppressed();
      if (suppressed == null) {
        return null;
      }
      IThrowableProxy[] out = new IThrowableProxy[suppressed.length];
      for (int i = 0; i < suppressed.length; i++) {
        out[i] = escaped(suppressed[i]);
      }
      return out;
    }

    @Override
    public boolean isCyclic() {
      return original.isCyclic();
    }
  }
}
