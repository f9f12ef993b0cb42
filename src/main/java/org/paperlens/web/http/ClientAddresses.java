package org.paperlens.web.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The address of the client behind a request, which the per-address limits count by. Behind a
 * reverse proxy every request comes from the proxy, so the proxy's {@code X-Forwarded-For} is
 * read, but only when the request comes from a proxy named as trusted: anyone else could write
 * any address into that header. The header is read from the right (the entry the nearest proxy
 * appended) past the trusted proxies; what a client wrote itself, further left, is ignored.
 * Immutable and thread-safe.
 */
public final class ClientAddresses {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final Set<String> trusted;

  private ClientAddresses(Set<String> trusted) {
    this.trusted = Set.copyOf(trusted);
  }

  /** No proxy: the connection's address is the client's. */
  public static ClientAddresses direct() {
    return new ClientAddresses(Set.of());
  }

  /**
   * Behind these proxies (IP addresses, no host names: resolving one per request would be slow
   * and spoofable).
   *
   * @throws IllegalArgumentException naming an entry that is not an IP address
   */
  public static ClientAddresses behind(List<String> proxies) {
    Set<String> set = new HashSet<>();
    for (String p : proxies) {
      set.add(normalise(p).orElseThrow(() -> new IllegalArgumentException("a trusted proxy must be an IP address, was '" + p + "'")));
    }
    return new ClientAddresses(set);
  }

  /** The client's address, normalised (IPv6 in full form, no brackets). */
  public String of(Context ctx) {
    String remote = normalise(ctx.req().getRemoteAddr()).orElse(ctx.req().getRemoteAddr());
    if (!trusted.contains(remote)) {
      return remote;
    }
    List<String> headers = java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-For"));
    String client = remote;
    for (int h = headers.size() - 1; h >= 0; h--) {
      String[] hops = headers.get(h).split(",");
      for (int i = hops.length - 1; i >= 0; i--) {
        Optional<String> hop = normalise(hops[i]);
        if (hop.isEmpty()) {
          return client; // garbage: trust nothing further left
        }
        client = hop.get();
        if (!trusted.contains(client)) {
          return client;
        }
      }
    }
    return client;
  }

  /** An IP literal in one canonical form, or empty for anything else (never a DNS lookup). */
  public static Optional<String> normalise(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = raw.strip();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    if (!IPV4.matcher(s).matches() && !IPV6.matcher(s).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(s).getHostAddress()); // a literal: parsed, not looked up
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
