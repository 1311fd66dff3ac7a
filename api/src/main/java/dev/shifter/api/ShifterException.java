package dev.shifter.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Root of every exception Shifter throws. Unchecked, so Kotlin and Java callers alike may catch it
 * or let it pass. Messages say what was wrong and how to fix it, in the library's words; the {@link #remedies()}
 * name the settings that fix it, so that each front end can add how it spells them (the command line its flags).
 */
public class ShifterException extends RuntimeException {
  private static final long serialVersionUID = 2L;
  private final List<Remedy> remedies;

  /**
   * Creates an exception with a message that names the problem and the fix.
   *
   * @param message what was wrong and how to fix it
   */
  public ShifterException(String message) {
    super(message);
    this.remedies = List.of();
  }

  /**
   * Creates an exception with a message and the settings that fix it.
   *
   * @param message what was wrong and how to fix it
   * @param remedies the settings that fix it, in the order to try them
   */
  public ShifterException(String message, Remedy... remedies) {
    super(message);
    this.remedies = List.of(remedies);
  }

  /**
   * Creates an exception that wraps a lower-level cause.
   *
   * @param message what was wrong and how to fix it
   * @param cause the underlying failure
   */
  public ShifterException(String message, @Nullable Throwable cause) {
    super(message, cause);
    this.remedies = List.of();
  }

  /**
   * Creates an exception that wraps a lower-level cause, with the settings that fix it.
   *
   * @param message what was wrong and how to fix it
   * @param cause the underlying failure
   * @param remedies the settings that fix it, in the order to try them
   */
  public ShifterException(String message, @Nullable Throwable cause, Remedy... remedies) {
    super(message, cause);
    this.remedies = List.of(remedies);
  }

  /**
   * The settings that fix the problem, in the order to try them; empty when the message says all.
   *
   * @return the remedies
   */
  public List<Remedy> remedies() {
    return remedies;
  }
}
