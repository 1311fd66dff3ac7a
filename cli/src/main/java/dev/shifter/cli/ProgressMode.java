package dev.shifter.cli;

/** How {@code shifter fit} shows its progress on standard error. */
enum ProgressMode {
  /** A progress bar when standard error is a terminal, else one line per epoch (at most every 10 s). */
  AUTO,
  /** A progress bar, redrawn in place. */
  BAR,
  /** Plain lines, one per epoch at most every 10 s: for logs and pipes. */
  LINES,
  /** Nothing but the final note. */
  NONE
}
