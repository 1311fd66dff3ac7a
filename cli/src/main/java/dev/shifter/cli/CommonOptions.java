package dev.shifter.cli;

import picocli.CommandLine.Option;

/** Options every command accepts. */
final class CommonOptions {
  @Option(names = "--verbose", description = "Print the stack trace of an error, for a bug report.")
  boolean verbose;
}
