package dev.shifter.cli;

/** How a command prints its result on standard output. */
enum OutputFormat {
  /** An aligned text table for people. */
  TABLE,
  /** JSON for programs. */
  JSON
}
