package org.paperlens.mcp;

/**
 * A call the tool cannot answer (an unknown paper, a bad argument, no token): the agent gets the
 * message as the tool's error result and can correct itself. Never a protocol error, never a crash.
 */
final class ToolError extends RuntimeException {

  ToolError(String message) {
    super(message);
  }
}
