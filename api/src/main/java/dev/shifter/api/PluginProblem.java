package dev.shifter.api;

import org.jspecify.annotations.Nullable;

/**
 * A plug-in that could not be loaded, as the registry reports it instead of failing as a whole.
 *
 * @param origin the jar file or class folder that holds the broken provider
 * @param provider the provider's class name, or its id once instantiated
 * @param message what went wrong and what to do about it
 * @param cause the underlying failure, if any
 */
public record PluginProblem(String origin, String provider, String message, @Nullable Throwable cause) {

  @Override
  public String toString() {
    return message;
  }
}
