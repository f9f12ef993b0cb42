package org.paperlens.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.paperlens.account.Account;
import org.paperlens.account.AccountStore;
import org.paperlens.mcp.Members;
import org.paperlens.web.http.HttpProblem;
import org.paperlens.web.http.Problems;

/**
 * In front of the MCP endpoint, which Javalin does not see (it is a servlet of its own): who calls,
 * and HTTP errors in the API's form.
 *
 * <ul>
 *   <li>{@code Authorization: Bearer TOKEN} names a member; a wrong token is answered 401 with
 *       {@code WWW-Authenticate: Bearer error="invalid_token"} (RFC 6750) before the MCP layer sees
 *       the request. No header: an anonymous caller, whose library tools say how to get a token.
 *   <li>No cookie is read here, so there is no session to forge and nothing for a CSRF token to
 *       guard: a request is its bearer token's or nobody's. Browsers' cross-site requests are
 *       refused on their {@code Origin} by the transport's validator (DNS rebinding).
 *   <li>The SDK answers some HTTP errors with a bare status (413 for a body over the limit, 404 for an
 *       unknown session): those get a problem+json body like every error under /api.
 * </ul>
 */
final class AgentAccess implements Filter {

  private final AccountStore accounts;

  AgentAccess(AccountStore accounts) {
    this.accounts = accounts;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest req = (HttpServletRequest) request;
    HttpServletResponse res = (HttpServletResponse) response;
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Cache-Control", "no-store");
    String header = req.getHeader("Authorization");
    if (header != null) {
      Optional<Account> member = header.regionMatches(true, 0, "Bearer ", 0, 7)
          ? accounts.byApiToken(header.substring(7).strip()) : Optional.empty();
      if (member.isEmpty()) {
        res.setHeader("WWW-Authenticate", HttpProblem.BEARER_CHALLENGE + ", error=\"invalid_token\"");
        problem(res, 401, header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? "the API token is not valid (revoked or mistyped). " + Members.GET_A_TOKEN
            : "send an API token as 'Authorization: Bearer TOKEN', or no Authorization header to call the public tools", req);
        return;
      }
      req.setAttribute(Members.ACCOUNT, member.get());
    }
    chain.doFilter(req, new ProblemErrors(res, req));
  }

  private static void problem(HttpServletResponse res, int status, String detail, HttpServletRequest req) throws IOException {
    res.setStatus(status);
    res.setContentType(Problems.PROBLEM_JSON);
    byte[] body = Problems.problem(status, detail, req.getRequestURI()).getBytes(StandardCharsets.UTF_8);
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }

  /** Turns the SDK's {@code sendError} into a problem+json answer instead of Jetty's HTML error page. */
  private static final class ProblemErrors extends HttpServletResponseWrapper {
    private final HttpServletRequest request;

    ProblemErrors(HttpServletResponse response, HttpServletRequest request) {
      super(response);
      this.request = request;
    }

    @Override
    public void sendError(int status) throws IOException {
      sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (isCommitted()) {
        return;
      }
      resetBuffer();
      problem((HttpServletResponse) getResponse(), status, message != null ? message : detail(status), request);
    }

    private static String detail(int status) {
      return switch (status) {
        case 404 -> "no such MCP session (it ended or the server restarted): initialize a new one";
        case 413 -> "the request body is over the server's limit";
        default -> null;
      };
    }
  }
}
