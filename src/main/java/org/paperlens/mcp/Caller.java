package org.paperlens.mcp;

import java.util.Optional;
import java.util.function.Supplier;
import org.paperlens.account.Account;

/**
 * Who calls a tool: a member (named by the API token the call came with) or anyone. The member is
 * looked up only by a tool that needs one, so a bad token never stands in the way of a search.
 *
 * @param member the member, empty when the call carried no token; throws a {@link ToolError} for a bad token
 * @param howToSignIn what to do to call as a member, for this transport (a header, an environment variable)
 */
record Caller(Supplier<Optional<Account>> member, String howToSignIn) {

  /** The member, or a tool error that says how to become one. */
  Account required() {
    return member.get().orElseThrow(() -> new ToolError("This tool works on a member's library, so it needs that member's"
        + " API token: " + howToSignIn + " " + Members.GET_A_TOKEN));
  }
}
