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
}
