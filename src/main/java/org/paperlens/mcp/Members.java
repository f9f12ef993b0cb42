package org.paperlens.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import java.util.Optional;
import org.paperlens.account.Account;
import org.paperlens.account.AccountStore;

/** How a transport tells who calls: the member its API token names, looked up on every call (a revoked token stops at once). */
public interface Members {

  /** Where a transport that authenticated the call puts the member's {@link Account} in the transport context. */
  String ACCOUNT = "paperlens.account";

  /** How to get a token, said the same way everywhere a token is missing. */
  String GET_A_TOKEN = "Make one on the site's account page (Account, API tokens, Create token) or with"
      + " POST /api/v1/tokens and a body {\"name\": ..., \"password\": ...}.";

  Caller of(McpTransportContext context);

  /**
   * Over HTTP: the web layer checked the {@code Authorization: Bearer} token before the call (a
   * wrong one never gets here, it is answered 401) and put the member in the context.
   */
  static Members fromContext() {
    return context -> new Caller(() -> Optional.ofNullable(context == null ? null : (Account) context.get(ACCOUNT)),
        "send it as 'Authorization: Bearer TOKEN' with every request to /mcp.");
  }

  /**
   * Over standard input and output: one token for the whole session (a flag or an environment
   * variable, {@code source} names which), or none.
   */
  static Members token(AccountStore accounts, String token, String source) {
    String how = "start 'paperlens mcp' with the token in $" + McpEnv.TOKEN_ENV + " (or --token TOKEN).";
    if (token == null || token.isBlank()) {
      return context -> new Caller(Optional::empty, how);
    }
    return context -> new Caller(() -> Optional.of(accounts.byApiToken(token.strip()).orElseThrow(() -> new ToolError(
        "The API token in " + source + " is not valid (revoked or mistyped). " + GET_A_TOKEN))), how);
  }
}
