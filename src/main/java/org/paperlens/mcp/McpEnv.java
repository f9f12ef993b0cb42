package org.paperlens.mcp;

/** The environment {@code paperlens mcp} reads. */
public final class McpEnv {

  /** A member's API token, for the library tools. */
  public static final String TOKEN_ENV = "PAPERLENS_TOKEN";

  private McpEnv() {}
}
