/**
 * The {@code paperlens} command and its subcommands: argument parsing, progress and exit codes
 * only. Each command takes its stores, index and services from an {@link org.paperlens.app.PaperLens}
 * root ({@code Main.root}), so none wires its own.
 */
package org.paperlens.cli;
