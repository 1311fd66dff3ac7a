package dev.shifter.cli;

import picocli.CommandLine.Option;

/** The {@code --progress} option of the long-running commands (fit, train, demo). */
final class ProgressOptions {
  @Option(names = "--progress", paramLabel = "auto|bar|lines|none", defaultValue = "auto",
      description = "Progress display on standard error: a bar on a terminal, lines otherwise (default auto).")
  ProgressMode mode = ProgressMode.AUTO;
}
