package org.paperlens.web.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.paperlens.account.AccountException;
import org.paperlens.index.BadQueryException;
import org.paperlens.index.IndexMissingException;
import org.paperlens.related.UnknownPaperException;

/**
 * The one place where exceptions become HTTP responses: problem+json (RFC 9457) under /api,
 * an HTML error page elsewhere. Expected failures get their own status and a message for the
 * person; anything unexpected is a 500 whose details go to the log, never to the client.
 */
public final class Problems {

  private static final Logger LOG = Logger.getLogger(Problems.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Status and detail of a failure; {@code challenge} is the {@code WWW-Authenticate} of a 401 (null: the plain Bearer one). */
  public record Outcome(int status, String detail, String retryAfter, String challenge) {
    public Outcome(int status, String detail, String retryAfter) {
      this(status, detail, retryAfter, null);
    }
  }

  /** Renders the HTML error page outside /api (the pages own its template). */
  @FunctionalInterface
  public interface ErrorPage {
    String render(Context ctx, int status, String title, String detail);
  }

  private final ErrorPage page;

  public Problems(ErrorPage page) {
    this.page = page;
  }

  public static Outcome classify(Throwable e) {
    return switch (e) {
      case HttpProblem p -> new Outcome(p.status(), p.getMessage(), p.retryAfterSeconds(), p.challenge());
      case BadQueryException q -> new Outcome(400, "bad query: " + q.getMessage(), null);
      case UnknownPaperException u -> new Outcome(404, u.getMessage(), null);
      case AccountException a -> new Outcome(switch (a.kind()) {
        case INVALID -> 400;
        case NAME_TAKEN -> 409;
        case BAD_CREDENTIALS -> 401;
        case SUSPENDED -> 403;
      }, a.getMessage(), null);
      case org.paperlens.moderation.ModerationException m -> new Outcome(switch (m.kind()) {
        case FORBIDDEN -> 403;
        case NOT_FOUND -> 404;
        case CONFLICT -> 409;
      }, m.getMessage(), null);
      case UnreadableBody u -> unreadable(u.getCause());
      case IllegalArgumentException bad -> new Outcome(400, bad.getMessage(), null);
      case HttpResponseException h -> new Outcome(h.getStatus(), h.getMessage(), null);
      case IndexMissingException m -> new Outcome(503, "the search index is not built yet: run 'paperlens reindex'", null);
      // A moment: a Solr node failing over, or the embedded index rebuilt after damage was found.
      case org.paperlens.index.IndexUnavailableException u -> new Outcome(503, "search is unavailable for a moment: " + u.getMessage(), "30");
      // Logged once per outage by the database layer, which reconnects by itself: no trace per request.
      case org.paperlens.store.DatabaseUnavailableException d -> new Outcome(503,
          "the catalogue is unreachable for a moment; try again shortly",
          String.valueOf(org.paperlens.store.DatabaseUnavailableException.RETRY_AFTER_SECONDS));
      case org.paperlens.store.StoreException c -> {
        LOG.log(Level.WARNING, "catalogue failure", c);
        yield new Outcome(503, "the catalogue is busy or unavailable; try again shortly", "5");
      }
      default -> {
        LOG.log(Level.SEVERE, "internal error", e);
        yield new Outcome(500, "internal error; it has been logged", null);
      }
    };
  }

  /**
   * A request body that could not be read is the client's doing: too slow (408), too large (413)
   * or malformed (400). One line in the log, no stack trace: there is no bug to find.
   */
  private static Outcome unreadable(Throwable cause) {
    Outcome o;
    // Jetty 12 marks its HTTP-level failures (BadMessageException and the HttpException.* kinds) with this interface.
    if (cause instanceof org.eclipse.jetty.http.HttpException b) {
      int code = b.getCode() >= 400 && b.getCode() < 500 ? b.getCode() : 400; // the body is the client's: never a 5xx
      o = new Outcome(code, "the request could not be read: " + b.getReason(), null);
    } else if (causedBy(cause, java.util.concurrent.TimeoutException.class)) {
      o = new Outcome(408, "the request body did not arrive in time", null);
    } else if (String.valueOf(cause.getMessage()).contains("exceeds max")) {
      o = new Outcome(413, "the request body is too large", null);
    } else {
      o = new Outcome(400, "the request body could not be read: " + cause.getMessage(), null);
    }
    LOG.info(() -> "unreadable request body (" + o.status() + "): " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
    return o;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  public void handle(Throwable e, Context ctx) {
    if (e instanceof UnreadableBody) {
      // Where an unreadable body ends is unknown, and Jetty 12 drops the connection after it: say so, so a
      // client does not send its next request on a connection about to close.
      ctx.header("Connection", "close");
    }
    respond(ctx, classify(e));
  }

  public void respond(Context ctx, Outcome o) {
    ctx.status(o.status());
    if (o.retryAfter() != null) {
      ctx.header("Retry-After", o.retryAfter());
    }
    if (isApi(ctx)) {
      if (o.status() == 401) {
        // RFC 9110 requires a challenge with every 401; API clients authenticate with bearer tokens (RFC 6750).
        ctx.header("WWW-Authenticate", o.challenge() != null ? o.challenge() : HttpProblem.BEARER_CHALLENGE);
      }
      ctx.contentType(PROBLEM_JSON);
      ctx.result(problem(o.status(), o.detail(), ctx.path()));
    } else {
      ctx.html(page.render(ctx, o.status(), o.status() + " " + title(o.status()),
          o.detail() == null ? title(o.status()) : o.detail()));
    }
  }

  public static final String PROBLEM_JSON = "application/problem+json";

  /** A problem+json body (RFC 9457): also what the MCP endpoint, outside Javalin, answers its HTTP errors with. */
  public static String problem(int status, String detail, String instance) {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "about:blank");
    body.put("title", title(status));
    body.put("status", status);
    body.put("detail", detail == null ? title(status) : detail);
    body.put("instance", instance);
    return body.toString();
  }

  public static boolean isApi(Context ctx) {
    return ctx.path().startsWith("/api/");
  }

  public static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 409 -> "Conflict";
      case 411 -> "Length Required";
      case 413 -> "Content Too Large";
      case 414 -> "URI Too Long";
      case 415 -> "Unsupported Media Type";
      case 429 -> "Too Many Requests";
      case 431 -> "Request Header Fields Too Large";
      case 503 -> "Service Unavailable";
      default -> status >= 500 ? "Internal Server Error" : "Error";
    };
  }
}
