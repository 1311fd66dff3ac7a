package dev.shifter.api;

import java.util.List;

/**
 * Something done that the user should know of, with the ways to change it.
 *
 * @param message what was done and why, in the library's words
 * @param remedies the settings that change or silence it, in the order to try them
 */
public record ShifterWarning(String message, List<Remedy> remedies) {

  /** Copies the remedies. */
  public ShifterWarning {
    remedies = List.copyOf(remedies);
  }

  /**
   * A warning with its remedies.
   *
   * @param message what was done and why
   * @param remedies the settings that change or silence it
   * @return the warning
   */
  public static ShifterWarning of(String message, Remedy... remedies) {
    return new ShifterWarning(message, List.of(remedies));
  }

  @Override
  public String toString() {
    return message;
  }
}
