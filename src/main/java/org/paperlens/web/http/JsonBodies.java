package org.paperlens.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Reading the JSON object bodies of API requests; anything malformed is a 400 that says why. */
public final class JsonBodies {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonBodies() {}

  /** The request's JSON object body ({@code optional}: an empty body is an empty object), or a 400. */
  public static JsonNode body(Context ctx, boolean optional) {
    String text = ctx.body();
    if (text.isBlank() && optional) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode n = JSON.readTree(text);
      if (n == null || !n.isObject()) {
        throw HttpProblem.badRequest("the request body must be a JSON object");
      }
      return n;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw HttpProblem.badRequest("the request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** A string field, stripped; null when absent, null or empty. */
  public static String string(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw HttpProblem.badRequest("'" + field + "' must be a string");
    }
    String v = n.asText().strip();
    if (v.length() > Params.MAX_TEXT) {
      throw HttpProblem.badRequest("'" + field + "' is longer than " + Params.MAX_TEXT + " characters");
    }
    return v.isEmpty() ? null : v;
  }

  /** A string field as sent, not stripped (a password may begin or end with a space). */
  public static String rawString(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual() || n.asText().length() > Params.MAX_TEXT) {
      throw HttpProblem.badRequest("'" + field + "' must be a string of at most " + Params.MAX_TEXT + " characters");
    }
    return n.asText();
  }
}
