package org.paperlens.web.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Answers the requests Jetty refuses before Javalin sees them (414 URI too long, 431 headers too
 * large, 400 for a malformed request line or header): problem+json under /api/ and /mcp, as every
 * other error there, and a short plain-text page elsewhere, instead of Jetty's HTML.
 *
 * <p>Jetty gives this handler only the status and reason; the path comes from the connection being
 * handled on this thread. A URI too long for Jetty to read has no path (Jetty reports "/"): that
 * 414 is problem+json wherever it was sent, since a person never types such a URI. Jetty reads up
 * to {@link HeadSizeLimit#JETTY_HEAD_BYTES}; {@link HeadSizeLimit} refuses past the smaller
 * {@link HeadSizeLimit#MAX_URI_BYTES} and {@link HeadSizeLimit#MAX_HEADER_BYTES} knowing the path.
 */
public final class BadMessages extends ErrorHandler {

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    String path = status == 414 ? null : requestPath();
    String detail = switch (status) {
      case 414 -> "the request URI is longer than this server reads (" + HeadSizeLimit.MAX_URI_BYTES / 1024 + " KiB)";
      case 431 -> "the request headers are larger than this server reads (" + HeadSizeLimit.MAX_HEADER_BYTES / 1024 + " KiB in all)";
      default -> "the request is malformed: " + (reason == null ? Problems.title(status) : reason);
    };
    if (path == null || path.startsWith("/api/") || path.startsWith("/mcp")) {
      fields.put(HttpHeader.CONTENT_TYPE, Problems.PROBLEM_JSON);
      return ByteBuffer.wrap(Problems.problem(status, detail, path).getBytes(StandardCharsets.UTF_8));
    }
    fields.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    return ByteBuffer.wrap((status + " " + Problems.title(status) + ": " + detail + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** The path of the request being refused on this thread, or null when it was never read. */
  static String requestPath() {
    HttpConnection connection = HttpConnection.getCurrentConnection();
    if (connection == null) {
      return null;
    }
    Request request = connection.getHttpChannel().getRequest();
    if (request != null && request.getHttpURI() != null && request.getHttpURI().getPath() != null) {
      return request.getHttpURI().getPath();
    }
    return null;
  }
}
