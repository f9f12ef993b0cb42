/**
 * The agent interface: a Model Context Protocol server (the official Java SDK) whose tools search,
 * read, relate, recommend and list papers and keep a member's library, for AI agents and
 * assistants. The tools call the application's services ({@code search}, {@code related},
 * {@code recommend}, {@code paper}, {@code community}, {@code library}) as the JSON API does; this
 * package only reads arguments, checks them against each tool's JSON schema, and shapes answers.
 * {@code paperlens mcp} serves it over standard input and output; {@code serve} mounts it at
 * {@code /mcp} over Streamable HTTP (the mounting, the bearer token and HTTP errors are the web
 * layer's, in {@code org.paperlens.web}).
 */
package org.paperlens.mcp;
