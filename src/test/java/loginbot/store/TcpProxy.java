package loginbot.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP forwarder that a test can cut, so a real database "goes down" and comes back
 * without stopping the server other tests share. While down it drops every connection. It counts
 * round trips: each time a client speaks again after the server answered it.
 */
final class TcpProxy implements AutoCloseable {
  private final ServerSocket server;
  private final String targetHost;
  private final int targetPort;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile boolean up = true;
  private final AtomicLong roundTrips = new AtomicLong();

  TcpProxy(String targetHost, int targetPort) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Drops all connections and refuses new ones until {@link #restore()}. */
  void cut() {
    up = false;
    open.forEach(TcpProxy::closeQuietly);
    open.clear();
  }

  void restore() {
    up = true;
  }

  /** Round trips so far, over every connection: client messages that followed an answer. */
  long roundTrips() {
    return roundTrips.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (!up) {
          closeQuietly(client);
          continue;
        }
        Socket target = new Socket(targetHost, targetPort);
        open.add(client);
        open.add(target);
        AtomicBoolean answered = new AtomicBoolean(true);
        pipe(
            client,
            target,
            () -> {
              if (answered.getAndSet(false)) {
                roundTrips.incrementAndGet();
              }
            });
        // Noted before the answer is passed on, so the client cannot speak again before it is.
        pipe(target, client, () -> answered.set(true));
      } catch (IOException e) {
        // Server closed, or the target refused: the client sees its connection drop.
      }
    }
  }

  private void pipe(Socket from, Socket to, Runnable onData) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  onData.run();
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // One side went away; closing both below ends the other pipe too.
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "tcp-proxy-pipe");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // Already closed.
    }
  }

  @Override
  public void close() throws IOException {
    cut();
    server.close();
  }
}
