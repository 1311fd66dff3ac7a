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
}
