package loginbot;

import java.util.List;

/**
 * Initialises, on a thread of its own, the library classes whose static set-up the main thread
 * would otherwise wait for later in a start, while it reads the content: a head start, never a
 * dependency (a class is initialised once, by whichever thread gets to it first).
 */
final class Preloader {
  /**
   * Each costs tens of milliseconds of a start in its static initialiser (async-profiler), in the
   * order the start needs them: Jackson's default date format builds a Gregorian calendar from the
   * locale data; Jetty's MIME table lists every locale the JDK has; Jetty's thread pool and request
   * handling classes load by the hundred.
   */
  static final List<String> CLASSES =
      List.of(
          "com.fasterxml.jackson.databind.util.StdDateFormat",
          "org.eclipse.jetty.http.MimeTypes",
          "org.eclipse.jetty.util.thread.QueuedThreadPool",
          "org.eclipse.jetty.server.Server",
          "org.eclipse.jetty.ee10.servlet.ServletContextHandler");

  /**
   * Jetty reads this to size a queue's padding and, when it is not set, starts the platform MBean
   * server to ask the JVM whether references are compressed (45 ms of a start). 16 is Jetty's own
   * answer for compressed references, which every heap under 32 GB has; a wrong guess would only
   * pad a queue differently.
   */
  static final String JETTY_REFERENCES_PER_CACHE_LINE =
      "org.eclipse.jetty.util.referencesPerCacheLine";

  private Preloader() {}

  /** Starts the thread; it ends by itself once the classes are initialised. */
  static void start() {
    System.getProperties().putIfAbsent(JETTY_REFERENCES_PER_CACHE_LINE, "16");
    Thread thread = new Thread(Preloader::initialise, "preload");
    thread.setDaemon(true);
    thread.start();
  }

  private static void initialise() {
    ClassLoader loader = Preloader.class.getClassLoader();
    for (String name : CLASSES) {
      try {
        Class.forName(name, true, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        // The main thread meets the same class later and reports what is wrong with it.
      }
    }
  }
}
