package dev.shifter.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Finds options the user mistyped: words of the command line that look like options ({@code --name}
 * or {@code --name=value}) but are none of the command's, each with the closest option name when one
 * is near enough to be a typo ("--traget": did you mean "--target"?).
 */
final class OptionSuggestions {
  private OptionSuggestions() {}

  /**
   * An unknown option and the option it is probably a typo of.
   *
   * @param given the word as typed, without a value
   * @param closest the closest option name, if one is within a typo's distance
   */
  record Unknown(String given, Optional<String> closest) {
    /** Returns the message for this option, e.g. {@code unknown option '--traget' (did you mean '--target'?)}. */
    String describe() {
      return "unknown option '" + given + "'" + closest.map(c -> " (did you mean '" + c + "'?)").orElse("");
    }
  }

  /**
   * Lists the unknown options among the arguments, for the command that was being parsed.
   *
   * @param commandLine the subcommand whose options count
   * @param args every argument of the command line; those after the subcommand's name are looked at
   * @return the unknown options, in order; empty for a command that has subcommands of its own
   */
  static List<Unknown> find(CommandLine commandLine, String[] args) {
    CommandSpec spec = commandLine.getCommandSpec();
    if (!spec.subcommands().isEmpty()) {
      return List.of();
    }
    int start = List.of(args).indexOf(spec.name()) + 1;
    List<String> names = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      names.addAll(List.of(option.names()));
    }
    List<Unknown> unknown = new ArrayList<>();
    for (String arg : List.of(args).subList(start, args.length)) {
      if (!arg.startsWith("--") || arg.equals("--")) {
        continue;
      }
      String word = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (!names.contains(word)) {
        unknown.add(new Unknown(word, closest(word, names)));
      }
    }
    return unknown;
  }

  private static Optional<String> closest(String word, List<String> names) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String name : names) {
      if (!name.startsWith("--")) {
        continue;
      }
      int distance = distance(word, name);
      if (distance < bestDistance) {
        best = name;
        bestDistance = distance;
      }
    }
    int allowed = Math.max(1, (word.length() - 2) / 3);
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** The Damerau-Levenshtein distance (optimal string alignment): a swap of two letters counts one. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
