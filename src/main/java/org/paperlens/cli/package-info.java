/** The {@code paperlens} command and its subcommands; argument parsing, progress and exit codes only. */
package org.paperlens.cli;
