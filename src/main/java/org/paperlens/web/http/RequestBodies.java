package org.paperlens.web.http;

import io.javalin.http.Context;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Reads every request body before routing, in one place, and bounds how many are read at once.
 *
 * <p>A body that cannot be read (a broken multipart form, a bad chunked encoding, a client that
 * stops sending) becomes an {@link UnreadableBody} here, which {@link Problems} answers with a
 * 4xx, instead of an exception from deep inside whichever handler first asked for a form field.
 *
 * <p>Reading a body blocks a worker thread until the client has sent it. A client may have
 * {@link ServerLimits#bodyReadsPerClient} bodies being read at once and everyone together
 * {@link ServerLimits#bodyReadsInTotal}; beyond that a request is turned away before its body is
 * read (429, or 503 for the total), so slow uploads can never take every thread from page views.
 * Thread-safe.
 */
public final class RequestBodies {

  private final ServerLimits limits;
  private final Function<Context, String> client;
  private final Semaphore total;
  private final ConcurrentHashMap<String, Integer> perClient = new ConcurrentHashMap<>();

  /** @param client the client address of a request (honouring a trusted proxy) */
  public RequestBodies(ServerLimits limits, Function<Context, String> client) {
    this.limits = limits;
    this.client = client;
    this.total = new Semaphore(limits.bodyReadsInTotal());
  }

  /** Reads the body (form fields, uploads or raw bytes), which Javalin then keeps for the handlers. */
  public void readUpFront(Context ctx) {
    if (!hasBody(ctx)) {
      if (isMultipart(ctx)) {
        // Jetty fails on a multipart form with no parts (no boundary line) when a handler first
        // asks for a field, deep in the handler: refuse it here instead.
        throw HttpProblem.badRequest("the multipart form is empty: it has no parts (not even the closing boundary)");
      }
      return;
    }
    String who = client.apply(ctx);
    if (!claim(who)) {
      throw HttpProblem.tooMany("too many requests with a body under way from your address", java.time.Duration.ofSeconds(1));
    }
    try {
      if (!total.tryAcquire()) {
        throw new HttpProblem(503, "the server is reading too many request bodies; try again shortly", "1");
      }
      try {
        read(ctx);
      } finally {
        total.release();
      }
    } finally {
      perClient.computeIfPresent(who, (k, n) -> n <= 1 ? null : n - 1);
    }
  }

  private boolean claim(String who) {
    boolean[] claimed = {false};
    perClient.compute(who, (k, n) -> {
      int now = n == null ? 0 : n;
      if (now >= limits.bodyReadsPerClient()) {
        return n;
      }
      claimed[0] = true;
      return now + 1;
    });
    return claimed[0];
  }

  private static void read(Context ctx) {
    try {
      if (isMultipart(ctx)) {
        ctx.formParamMap(); // parses the parts (fields and files); Jetty keeps them on the request
      } else {
        ctx.bodyAsBytes();
      }
    } catch (io.javalin.http.HttpResponseException e) {
      throw e; // Javalin's own verdict (413 over the size limit)
    } catch (Exception e) { // Javalin rethrows Jetty's IOExceptions unchecked
      throw new UnreadableBody(e);
    }
  }

  public static boolean hasBody(Context ctx) {
    return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
  }

  public static boolean isMultipart(Context ctx) {
    String type = ctx.contentType();
    return type != null && type.regionMatches(true, 0, "multipart/", 0, 10);
  }
}
