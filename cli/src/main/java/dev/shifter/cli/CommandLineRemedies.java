package dev.shifter.cli;

import dev.shifter.api.Remedy;
import dev.shifter.api.ShifterException;
import dev.shifter.api.ShifterWarning;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Spells the library's {@link Remedy remedies} as this command line's flags, so that an error or a
 * warning ends with what to type ({@code On the command line: --missing NA, or --discrete age.}).
 */
final class CommandLineRemedies {

  private CommandLineRemedies() {}

  /**
   * The message of a failure with the flags of its remedies, and of its causes' remedies, appended.
   *
   * @param failure the failure
   * @return the message to print
   */
  static String message(ShifterException failure) {
    Set<Remedy> remedies = new LinkedHashSet<>();
    for (@Nullable Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ShifterException shifter) {
        remedies.addAll(shifter.remedies());
      }
    }
    return String.valueOf(failure.getMessage()) + suffix(List.copyOf(remedies));
  }

  /**
   * The message of a warning with the flags of its remedies appended.
   *
   * @param warning the warning
   * @return the message to print
   */
  static String message(ShifterWarning warning) {
    return warning.message() + suffix(warning.remedies());
  }

  /**
   * The sentence that names the remedies' flags, with a leading space; empty when there is none.
   *
   * @param remedies the remedies
   * @return the sentence
   */
  static String suffix(List<Remedy> remedies) {
    if (remedies.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (Remedy remedy : remedies) {
      String flag = flag(remedy);
      parts.add(remedy.action() == Remedy.Action.LEAVE_OUT ? "leave out " + flag : flag);
    }
    return " On the command line: " + String.join(", or ", parts) + ".";
  }

  /**
   * One remedy as the flag (or command) that applies it, with its value or the value's placeholder.
   *
   * @param remedy the remedy
   * @return the flag and its value, such as {@code --discrete age}
   */
  static String flag(Remedy remedy) {
    boolean leaveOut = remedy.action() == Remedy.Action.LEAVE_OUT;
    return switch (remedy.setting()) {
      case DISCRETE_COLUMN -> withValue("--discrete", remedy, "NAME");
      case CONTINUOUS_COLUMN -> withValue("--continuous", remedy, "NAME");
      case MISSING_TEXT -> withValue("--missing", remedy, "TEXT");
      case REAL_TEST_TABLE -> withValue("--real-test", remedy, "FILE");
      case LABEL_COLUMN -> leaveOut ? "--label" : withValue("--label", remedy, "COLUMN");
      case TARGETS -> withValue("--target", remedy, "FILE");
      case TARGET_RANGE -> withValue("--target-range", remedy, "FILE");
      case RESUME -> "--resume";
      case PLUGIN_FOLDER -> withValue("--plugins", remedy, "DIR");
      case ROWS -> withValue("-n", remedy, "ROWS");
      case POOL_FACTOR -> withValue("--pool-factor", remedy, "N");
      case REGULARIZER -> withValue("--regularizer", remedy, "NAME=WEIGHT");
      case CRITIC_WEIGHT -> leaveOut ? "--lambda-critic" : withValue("--lambda-critic", remedy, "WEIGHT");
      case MODEL_FOLDER -> "'shifter fit --data FILE --out " + (remedy.value().isEmpty() ? "DIR" : remedy.value())
          + "'";
    };
  }

  private static String withValue(String flag, Remedy remedy, String placeholder) {
    boolean leaveOut = remedy.action() == Remedy.Action.LEAVE_OUT;
    if (remedy.value().isEmpty()) {
      return leaveOut ? flag : flag + " " + placeholder;
    }
    return flag + " " + remedy.value();
  }
}
