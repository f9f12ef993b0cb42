package org.paperlens.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperlens.account.Account;
import org.paperlens.community.CommunityStore;
import org.paperlens.paper.Paper;
import org.paperlens.web.http.Auth;
import org.paperlens.web.http.Feature;
import org.paperlens.web.http.JsonBodies;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Params;
import org.paperlens.web.http.Routes;
import org.paperlens.web.page.SubmitLookup;

/** {@code /submissions}: the latest papers members submitted, and submitting one (fetched when missing). */
public final class SubmissionResource implements Feature {

  private final CommunityStore community;
  private final SubmitLookup lookup;

  public SubmissionResource(CommunityStore community, SubmitLookup lookup) {
    this.community = community;
    this.lookup = lookup;
  }

  @Override
  public void register(Routes routes) {
    routes.api(HandlerType.GET, "/submissions", this::submissions);
    routes.api(HandlerType.POST, "/submissions", this::submit);
  }

  void submissions(Context ctx) {
    int limit = Params.integer(ctx, "limit", 20, 1, 100);
    List<Map<String, Object>> out = new ArrayList<>();
    community.recentSubmissions(limit).forEach(sub -> {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("id", sub.paperId().value());
      v.put("submitter", sub.submitter());
      v.put("comment", sub.comment());
      v.put("at", sub.at().toString());
      out.add(v);
    });
    ctx.json(Map.of("submissions", out));
  }

  void submit(Context ctx) {
    Account me = Auth.required(ctx);
    JsonNode body = JsonBodies.body(ctx, false);
    String raw = JsonBodies.string(body, "paper");
    String comment = JsonBodies.string(body, "comment");
    if (raw == null) {
      throw HttpProblem.badRequest("'paper' (an arXiv id or URL) is required");
    }
    Paper paper = switch (lookup.find(raw)) {
      case SubmitLookup.Outcome.Found f -> f.paper();
      case SubmitLookup.Outcome.NotAnId n -> throw HttpProblem.badRequest(n.message());
      case SubmitLookup.Outcome.Unknown u -> throw HttpProblem.notFound(u.message());
      case SubmitLookup.Outcome.Unreachable u -> throw new HttpProblem(503, u.message(), "60");
      case SubmitLookup.Outcome.Pending pending -> throw new HttpProblem(503, pending.message(), "10");
    };
    boolean added = community.submit(me, paper.id(), comment);
    ctx.status(added ? 201 : 200).json(Map.of("id", paper.id().value(), "submitted", true, "new", added));
  }
}
