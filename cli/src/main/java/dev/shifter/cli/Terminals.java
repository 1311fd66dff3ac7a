package dev.shifter.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tells whether standard error is an interactive terminal, where a progress bar may redraw itself. */
final class Terminals {
  private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

  private Terminals() {}

  /**
   * Tells whether standard error is a terminal. On Linux the file descriptor's target decides; elsewhere
   * the presence of a console (stdin and stdout are terminals). {@code TERM=dumb} counts as no terminal.
   *
   * @return true for a terminal
   */
  static boolean stderrIsTerminal() {
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    if (Files.exists(STDERR_LINK)) {
      try {
        String target = Files.readSymbolicLink(STDERR_LINK).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        return System.console() != null;
      }
    }
    return System.console() != null;
  }

  /**
   * Returns the terminal's width from {@code COLUMNS}, or 100.
   *
   * @return the number of columns a line may use
   */
  static int width() {
    String columns = System.getenv("COLUMNS");
    if (columns != null && columns.matches("\\d{2,4}")) {
      return Integer.parseInt(columns);
    }
    return 100;
  }
}
