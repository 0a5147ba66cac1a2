package loginbot.ops;

import io.javalin.http.Context;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which address a request counts as, behind reverse proxies ({@code TRUST_FORWARDED_FOR}). Each
 * proxy appends the address it received the request from to {@code X-Forwarded-For}, so the entries
 * a client wrote come first and can be anything. Walking from the right, the first entry that is
 * not one of our own proxies is the client: the right-most untrusted hop.
 *
 * <p>{@code false} (default): the connection's address, the header is ignored. {@code true}: the
 * connection comes from our one proxy, and its entry (the right-most) is the client. A list of
 * addresses or CIDR blocks ({@code 10.0.0.0/8, 192.0.2.10}): the header is read only when the
 * connection comes from one of them, and entries from them are skipped.
 */
public final class ForwardedFor {
  public static final ForwardedFor NONE = new ForwardedFor(false, List.of());

  private final boolean trusted;
  private final List<Block> proxies;

  private ForwardedFor(boolean trusted, List<Block> proxies) {
    this.trusted = trusted;
    this.proxies = List.copyOf(proxies);
  }

  /**
   * @throws IllegalArgumentException for an entry that is neither true/false nor an address or CIDR
   *     block
   */
  public static ForwardedFor parse(String setting) {
    String s = setting == null ? "" : setting.trim().toLowerCase(Locale.ROOT);
    switch (s) {
      case "", "false", "0", "no" -> {
        return NONE;
      }
      case "true", "1", "yes" -> {
        return new ForwardedFor(true, List.of());
      }
      default -> {
        List<Block> blocks = new ArrayList<>();
        for (String entry : s.split("\\s*,\\s*")) {
          blocks.add(Block.parse(entry));
        }
        return new ForwardedFor(true, blocks);
      }
    }
  }

  public boolean enabled() {
    return trusted;
  }

  /** The client's address: the connection's, or the right-most untrusted forwarded hop. */
  public String clientOf(Context ctx) {
    return clientOf(ctx.ip(), ctx.header("X-Forwarded-For"));
  }

  String clientOf(String peer, String header) {
    if (!trusted || header == null || header.isBlank() || !proxy(peer, true)) {
      return peer;
    }
    String[] hops = header.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!hop.isEmpty() && !proxy(hop, false)) {
        return hop;
      }
    }
    // Every entry is one of our proxies: the left-most is the nearest to the client.
    String first = hops[0].trim();
    return first.isEmpty() ? peer : first;
  }

  /** With {@code true} only the connection is a proxy; with a list, whoever is on it. */
  private boolean proxy(String address, boolean connection) {
    if (proxies.isEmpty()) {
      return connection;
    }
    return proxies.stream().anyMatch(b -> b.contains(address));
  }

  /** An address with a prefix length; a bare address is a block of one. */
  private record Block(byte[] network, int bits) {
    static Block parse(String entry) {
      String[] parts = entry.split("/", 2);
      byte[] address = literal(parts[0]);
      if (address == null) {
        throw new IllegalArgumentException("not an IP address or CIDR block: '" + entry + "'");
      }
      int bits = address.length * 8;
      if (parts.length == 2) {
        try {
          bits = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
          bits = -1;
        }
        if (bits < 0 || bits > address.length * 8) {
          throw new IllegalArgumentException("bad prefix length in '" + entry + "'");
        }
      }
      return new Block(address, bits);
    }

    boolean contains(String text) {
      byte[] a = literal(text);
      if (a == null || a.length != network.length) {
        return false;
      }
      int shift = network.length * 8 - bits;
      return new BigInteger(1, a)
          .shiftRight(shift)
          .equals(new BigInteger(1, network).shiftRight(shift));
    }

    /** Only literals: a host name here must never cause a DNS lookup. */
    private static byte[] literal(String text) {
      String t =
          text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
      if (t.isEmpty() || !t.matches("[0-9a-fA-F:.]+") || !(t.contains(".") || t.contains(":"))) {
        return null;
      }
      try {
        return InetAddress.getByName(t).getAddress();
      } catch (UnknownHostException e) {
        return null;
      }
    }
  }
}
