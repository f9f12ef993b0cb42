package org.paperlens.web;

import io.javalin.http.Context;

/**
 * Reads every request body before routing, in one place: a body that cannot be read (a broken
 * multipart form, a bad chunked encoding, a client that stops sending) becomes an
 * {@link UnreadableBody} here, which {@link Problems} answers with a 4xx, instead of an exception
 * from deep inside whichever handler first asked for a form field.
 */
final class RequestBodies {

  private RequestBodies() {}

  /** Reads the body (form fields, uploads or raw bytes), which Javalin then keeps for the handlers. */
  static void readUpFront(Context ctx) {
    if (!hasBody(ctx)) {
      return;
    }
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

  static boolean hasBody(Context ctx) {
    return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
  }

  static boolean isMultipart(Context ctx) {
    String type = ctx.contentType();
    return type != null && type.regionMatches(true, 0, "multipart/", 0, 10);
  }
}
