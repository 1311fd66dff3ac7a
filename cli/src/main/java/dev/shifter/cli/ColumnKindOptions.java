package dev.shifter.cli;

import dev.shifter.io.ReadOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --discrete}, {@code --continuous} and {@code --missing} options of commands that read a
 * data file.
 */
final class ColumnKindOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--discrete", split = ",", paramLabel = "COLUMN",
      description = "Read these columns as categorical even if they hold numbers (e.g. a class coded 1,2,3).")
  List<String> discrete = new ArrayList<>();

  @Option(names = "--continuous", split = ",", paramLabel = "COLUMN",
      description = "Read these columns as continuous; a field that is not a number is then an error.")
  List<String> continuous = new ArrayList<>();

  @Option(names = "--missing", split = ",", paramLabel = "TEXT",
      description = "Read these texts as missing values, like an empty field (e.g. --missing '?,NA'). By default "
          + "only empty fields are missing, and a text such as ? is a category.")
  List<String> missing = new ArrayList<>();

  /**
   * Returns the read options.
   *
   * @return the forced column kinds and the missing-value texts
   * @throws ParameterException if a column is named in both options
   */
  ReadOptions readOptions() {
    List<String> discreteNames = trimmed(discrete);
    List<String> continuousNames = trimmed(continuous);
    List<String> both = discreteNames.stream().filter(continuousNames::contains).distinct().toList();
    if (!both.isEmpty()) {
      throw new ParameterException(mixee.commandLine(), "column" + (both.size() == 1 ? " '" : "s '")
          + String.join("', '", both) + "' given to both --discrete and --continuous. Name each column in only "
          + "one of them.");
    }
    return ReadOptions.builder().optDiscrete(discreteNames).optContinuous(continuousNames)
        .optMissing(trimmed(missing)).build();
  }

  /** Appends the options given, for a command line to show the user (e.g. the resume command). */
  void appendTo(StringBuilder command) {
    append(command, "--discrete", trimmed(discrete));
    append(command, "--continuous", trimmed(continuous));
    append(command, "--missing", trimmed(missing));
  }

  private static void append(StringBuilder command, String option, List<String> values) {
    if (!values.isEmpty()) {
      command.append(' ').append(option).append(' ').append(ShellWords.quote(String.join(",", values)));
    }
  }

  private static List<String> trimmed(List<String> names) {
    return names.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
  }
}
