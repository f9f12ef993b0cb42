package org.paperlens.mcp;

import java.util.Map;

/**
 * One tool: its name and description for the agent, the JSON schemas of its arguments and of its
 * answer, whether it only reads, and what it does.
 */
record AgentTool(String name, String title, String description, Map<String, Object> input, Map<String, Object> output,
    Effect effect, Handler handler) {

  /** What a call changes, as the tool annotations tell clients (which may ask before a change). */
  enum Effect { READS, ADDS, REMOVES }

  @FunctionalInterface
  interface Handler {
    /** The answer, serialised as the structured content; throws {@link ToolError} for a call it cannot answer. */
    Object call(Args args, Caller caller);
  }
}
