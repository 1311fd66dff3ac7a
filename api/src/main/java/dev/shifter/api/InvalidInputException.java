package dev.shifter.api;

import org.jspecify.annotations.Nullable;

/** The caller's input is wrong: a bad file, a bad matrix shape, an unknown name, an infeasible target. */
public class InvalidInputException extends ShifterException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong and how to fix it
   */
  public InvalidInputException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what was wrong and how to fix it
   * @param cause the underlying failure
   */
  public InvalidInputException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates an exception with a message and the settings that fix it.
   *
   * @param message what was wrong and how to fix it
   * @param remedies the settings that fix it, in the order to try them
   */
  public InvalidInputException(String message, Remedy... remedies) {
    super(message, remedies);
  }

  /**
   * Creates an exception that wraps a lower-level cause, with the settings that fix it.
   *
   * @param message what was wrong and how to fix it
   * @param cause the underlying failure
   * @param remedies the settings that fix it, in the order to try them
   */
  public InvalidInputException(String message, @Nullable Throwable cause, Remedy... remedies) {
    super(message, cause, remedies);
  }
}
