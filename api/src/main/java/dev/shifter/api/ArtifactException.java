package dev.shifter.api;

import org.jspecify.annotations.Nullable;

/** A saved artifact (model or Shifter directory) is missing, damaged or of the wrong version. */
public class ArtifactException extends ShifterException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which file is wrong and how to fix it
   */
  public ArtifactException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message which file is wrong and how to fix it
   * @param cause the underlying failure
   */
  public ArtifactException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates an exception with a message and the settings that fix it.
   *
   * @param message what was wrong and how to fix it
   * @param remedies the settings that fix it, in the order to try them
   */
  public ArtifactException(String message, Remedy... remedies) {
    super(message, remedies);
  }

  /**
   * Creates an exception that wraps a lower-level cause, with the settings that fix it.
   *
   * @param message what was wrong and how to fix it
   * @param cause the underlying failure
   * @param remedies the settings that fix it, in the order to try them
   */
  public ArtifactException(String message, @Nullable Throwable cause, Remedy... remedies) {
    super(message, cause, remedies);
  }
}
