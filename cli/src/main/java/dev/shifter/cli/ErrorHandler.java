package dev.shifter.cli;

import dev.shifter.api.ShifterException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line {@code shifter: error: <message>} on standard error and an
 * {@link ExitCode}; the stack trace follows only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine commandLine = ex.getCommandLine();
    Diagnostics diagnostics = Diagnostics.of(commandLine);
    List<OptionSuggestions.Unknown> unknown = OptionSuggestions.find(commandLine, args);
    if (unknown.isEmpty()) {
      diagnostics.error(String.valueOf(ex.getMessage()));
      UnmatchedArgumentException.printSuggestions(ex, commandLine.getErr());
    } else {
      diagnostics.error(String.join("; ", unknown.stream().map(OptionSuggestions.Unknown::describe).toList()) + ".");
    }
    commandLine.getErr().println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
    diagnostics.stackTrace(ex);
    return ExitCode.USAGE.code();
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    Diagnostics diagnostics = Diagnostics.of(commandLine);
    ExitCode code = ExitCode.of(ex);
    if (ex instanceof ShifterException failure) {
      diagnostics.error(CommandLineRemedies.message(failure));
    } else {
      diagnostics.error("internal error: " + ex + (diagnostics.verbose() ? ""
          : ". Run again with --verbose for the stack trace, and please report it."));
    }
    diagnostics.stackTrace(ex);
    return code.code();
  }
}
