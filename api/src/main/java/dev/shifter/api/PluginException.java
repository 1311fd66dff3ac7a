package dev.shifter.api;

import org.jspecify.annotations.Nullable;

/** A plug-in (a meta-feature provider found on the class path) failed to load or to compute. */
public class PluginException extends ShifterException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which plug-in failed, where it came from, and what to do
   */
  public PluginException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message which plug-in failed, where it came from, and what to do
   * @param cause the plug-in's own failure
   */
  public PluginException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates an exception with a message and the settings that fix it.
   *
   * @param message what was wrong and how to fix it
   * @param remedies the settings that fix it, in the order to try them
   */
  public PluginException(String message, Remedy... remedies) {
    super(message, remedies);
  }

  /**
   * Creates an exception that wraps a lower-level cause, with the settings that fix it.
   *
   * @param message what was wrong and how to fix it
   * @param cause the underlying failure
   * @param remedies the settings that fix it, in the order to try them
   */
  public PluginException(String message, @Nullable Throwable cause, Remedy... remedies) {
    super(message, cause, remedies);
  }
}
