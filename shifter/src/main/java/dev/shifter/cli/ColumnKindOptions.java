package dev.shifter.cli;

import dev.shifter.io.ReadOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --discrete} and {@code --continuous} options of commands that read a data file. */
final class ColumnKindOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--discrete", split = ",", paramLabel = "COLUMN",
      description = "Read these columns as categorical even if they hold numbers (e.g. a class coded 1,2,3).")
  List<String> discrete = new ArrayList<>();

  @Option(names = "--continuous", split = ",", paramLabel = "COLUMN",
      description = "Read these columns as continuous; a field that is not a number is then an error.")
  List<String> continuous = new ArrayList<>();

  /**
   * Returns the read options.
   *
   * @return the forced column kinds
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
    return ReadOptions.builder().optDiscrete(discreteNames).optContinuous(continuousNames).build();
  }

  private static List<String> trimmed(List<String> names) {
    return names.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
  }
}
