package dev.shifter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

class HelpTest {
  private static final int WIDTH = Main.HELP_WIDTH;

  static Stream<String> commands() {
    return new CommandLine(new Main()).getSubcommands().keySet().stream().filter(name -> !name.equals("help"));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandsHelpHasUsageExamplesAndExitCodes(String command) {
    CliRun run = CliRun.of(command, "--help");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Usage: shifter " + command, "Examples:", "  shifter " + command, "Exit codes:");
  }

  @Test
  void theMainHelpListsEveryCommandAndGivesExamples() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Examples:", "shifter demo", "SHIFTER_THREADS", "Exit codes:");
    commands().forEach(command -> assertThat(run.out()).contains("  " + command + " "));
  }

  @Test
  void everyExampleFitsTheHelpWidthAndUsesOnlyOptionsItsCommandHas() {
    CommandLine main = new CommandLine(new Main());
    List<String> problems = new ArrayList<>();
    List<CommandSpec> specs = new ArrayList<>();
    specs.add(main.getCommandSpec());
    main.getSubcommands().values().forEach(sub -> specs.add(sub.getCommandSpec()));
    int examples = 0;
    for (CommandSpec spec : specs) {
      for (String example : examples(spec.usageMessage().footer())) {
        examples++;
        check(example, main.getSubcommands(), main.getCommandSpec(), problems);
      }
      for (String line : spec.usageMessage().footer()) {
        if (line.startsWith("  ") && line.length() > WIDTH) {
          problems.add(spec.qualifiedName() + ": example line longer than " + WIDTH + ": " + line);
        }
      }
    }

    assertThat(examples).isGreaterThan(specs.size());
    assertThat(problems).isEmpty();
  }

  /** The example commands of a footer, continuation lines (ending in a backslash) joined. */
  private static List<String> examples(String[] footer) {
    List<String> examples = new ArrayList<>();
    boolean inExamples = false;
    StringBuilder current = new StringBuilder();
    for (String line : footer) {
      if (line.equals("Examples:")) {
        inExamples = true;
        continue;
      }
      if (!inExamples) {
        continue;
      }
      if (line.isBlank()) {
        break;
      }
      String trimmed = line.strip();
      boolean continues = trimmed.endsWith("\\");
      current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
      if (!continues) {
        examples.add(current.toString().strip());
        current.setLength(0);
      }
    }
    return examples;
  }

  private static void check(String example, Map<String, CommandLine> commands, CommandSpec top,
      List<String> problems) {
    List<String> tokens = Arrays.asList(example.split("\\s+"));
    int start = tokens.indexOf("shifter");
    if (start < 0) {
      return;
    }
    CommandSpec spec = top;
    int first = start + 1;
    if (first < tokens.size() && !tokens.get(first).startsWith("-")) {
      CommandLine sub = commands.get(tokens.get(first));
      if (sub == null) {
        problems.add("unknown command in example: " + example);
        return;
      }
      spec = sub.getCommandSpec();
      first++;
    }
    for (String token : tokens.subList(first, tokens.size())) {
      if (token.startsWith(">") || token.startsWith("(") || token.equals("|")) {
        break;
      }
      if (token.startsWith("-") && !token.matches("-?\\d.*")) {
        String name = token.contains("=") ? token.substring(0, token.indexOf('=')) : token;
        if (spec.findOption(name) == null) {
          problems.add(spec.qualifiedName() + " has no option " + name + ": " + example);
        }
      }
    }
  }
}
