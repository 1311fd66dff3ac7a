package dev.shifter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Remedy;
import dev.shifter.api.Remedy.Setting;
import dev.shifter.api.ShifterException;
import dev.shifter.api.ShifterWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class CommandLineRemediesTest {

  @Test
  void everySettingIsSpelledAsAnOptionSomeCommandHas() {
    CommandLine main = new CommandLine(new Main());
    Set<String> options = new TreeSet<>();
    main.getSubcommands().values().forEach(sub -> {
      for (OptionSpec option : sub.getCommandSpec().options()) {
        options.addAll(List.of(option.names()));
      }
    });
    List<String> problems = new ArrayList<>();
    for (Setting setting : Setting.values()) {
      for (Remedy remedy : List.of(Remedy.set(setting, "x"), Remedy.set(setting), Remedy.leaveOut(setting))) {
        for (String word : CommandLineRemedies.flag(remedy).replace("'", "").split(" ")) {
          if (word.startsWith("-") && !options.contains(word)) {
            problems.add(setting + " -> " + word);
          }
        }
      }
    }

    assertThat(problems).as("flags no command has").isEmpty();
  }

  @Test
  void aFailureEndsWithTheFlagsOfItsRemediesAndOfItsCauses() {
    ShifterException cause = new InvalidInputException("inner", Remedy.set(Setting.MISSING_TEXT, "NA"));
    ShifterException failure = new ShifterException("The column 'b' is not a number.", cause,
        Remedy.set(Setting.DISCRETE_COLUMN, "b"));

    assertThat(CommandLineRemedies.message(failure))
        .isEqualTo("The column 'b' is not a number. On the command line: --discrete b, or --missing NA.");
  }

  @Test
  void placeholdersStandInForValuesTheUserChoosesAndLeavingOutNamesTheFlagAlone() {
    assertThat(CommandLineRemedies.suffix(List.of(Remedy.set(Setting.REAL_TEST_TABLE),
        Remedy.leaveOut(Setting.LABEL_COLUMN), Remedy.leaveOut(Setting.CONTINUOUS_COLUMN, "b"))))
        .isEqualTo(" On the command line: --real-test FILE, or leave out --label, or leave out --continuous b.");
  }

  @Test
  void aMessageWithoutRemediesIsPrintedAsItIs() {
    assertThat(CommandLineRemedies.message(new ShifterException("Disk full."))).isEqualTo("Disk full.");
    assertThat(CommandLineRemedies.message(ShifterWarning.of("Read as Latin-1."))).isEqualTo("Read as Latin-1.");
  }
}
