package org.paperlens.web.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests Jetty refuses before Javalin sees them (414 URI too long, 431 headers too
 * large, 400 for a malformed request line or header): problem+json under /api/ and /mcp, as every
 * other error there, and a short plain-text page elsewhere, instead of Jetty's HTML.
 *
 * <p>Jetty 12 hands this server-wide error handler the request as far as it was parsed. A URI too
 * long for Jetty to read has no path: that 414 is problem+json wherever it was sent, since a person
 * never types such a URI. Jetty reads up to {@link HeadSizeLimit#JETTY_HEAD_BYTES}; {@link HeadSizeLimit}
 * refuses past the smaller {@link HeadSizeLimit#MAX_URI_BYTES} and {@link HeadSizeLimit#MAX_HEADER_BYTES}
 * knowing the path.
 */
public final class BadMessages extends ErrorHandler {

  @Override
  protected void generateResponse(Request request, Response response, int status, String reason, Throwable cause, Callback callback) {
    String path = status == 414 ? null : requestPath(request);
    String detail = switch (status) {
      case 414 -> "the request URI is longer than this server reads (" + HeadSizeLimit.MAX_URI_BYTES / 1024 + " KiB)";
      case 431 -> "the request headers are larger than this server reads (" + HeadSizeLimit.MAX_HEADER_BYTES / 1024 + " KiB in all)";
      default -> "the request is malformed: " + (reason == null ? Problems.title(status) : reason);
    };
    byte[] body;
    if (path == null || path.startsWith("/api/") || path.startsWith("/mcp")) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.PROBLEM_JSON);
      body = Problems.problem(status, detail, path).getBytes(StandardCharsets.UTF_8);
    } else {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
      body = (status + " " + Problems.title(status) + ": " + detail + "\n").getBytes(StandardCharsets.UTF_8);
    }
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** The path of the request being refused, or null when it was never read. */
  static String requestPath(Request request) {
    HttpURI uri = request == null ? null : request.getHttpURI();
    return uri == null ? null : uri.getPath();
  }
}
