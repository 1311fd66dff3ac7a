package dev.shifter.api;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception Shifter throws. Unchecked, so Kotlin and Java callers alike may catch it
 * or let it pass. Messages say what was wrong and how to fix it.
 */
public class ShifterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that names the problem and the fix.
   *
   * @param message what was wrong and how to fix it
   */
  public ShifterException(String message) {
    super(message);
  }

  /**
   * Creates an exception that wraps a lower-level cause.
   *
   * @param message what was wrong and how to fix it
   * @param cause the underlying failure
   */
  public ShifterException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
