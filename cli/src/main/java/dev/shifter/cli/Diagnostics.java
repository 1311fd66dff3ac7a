package dev.shifter.cli;

import dev.shifter.api.ShifterWarning;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** Messages for the user on standard error, all in the form {@code shifter: <level>: <message>}. */
final class Diagnostics {
  private static final String PREFIX = "shifter: ";
  private static final String VERBOSE = "--verbose";
  private final PrintWriter err;
  private final boolean verbose;

  private Diagnostics(PrintWriter err, boolean verbose) {
    this.err = err;
    this.verbose = verbose;
  }

  /** Returns the diagnostics of the command being run. */
  static Diagnostics of(CommandSpec spec) {
    return of(spec.commandLine());
  }

  /** Returns the diagnostics of a command line, verbose if {@code --verbose} was given at any level. */
  static Diagnostics of(CommandLine commandLine) {
    return new Diagnostics(commandLine.getErr(), isVerbose(commandLine));
  }

  private static boolean isVerbose(CommandLine commandLine) {
    CommandLine root = commandLine;
    while (root.getParent() != null) {
      root = root.getParent();
    }
    for (ParseResult result = root.getParseResult(); result != null; result = result.subcommand()) {
      if (result.hasMatchedOption(VERBOSE)) {
        return true;
      }
    }
    return false;
  }

  /** Tells whether the user asked for stack traces. */
  boolean verbose() {
    return verbose;
  }

  /** Prints {@code shifter: error: <message>}. */
  void error(String message) {
    err.println(PREFIX + "error: " + message);
    err.flush();
  }

  /** Prints {@code shifter: warning: <message>}. */
  void warning(String message) {
    err.println(PREFIX + "warning: " + message);
    err.flush();
  }

  /** Prints {@code shifter: warning: <message>} with the flags that change or silence it. */
  void warning(ShifterWarning warning) {
    warning(CommandLineRemedies.message(warning));
  }

  /** Prints {@code shifter: note: <message>}. */
  void note(String message) {
    err.println(PREFIX + "note: " + message);
    err.flush();
  }

  /** Prints the stack trace of {@code e} if the user asked for it. */
  void stackTrace(Throwable e) {
    if (verbose) {
      e.printStackTrace(err);
      err.flush();
    }
  }
}
