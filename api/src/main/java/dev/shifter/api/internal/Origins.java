package dev.shifter.api.internal;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

/** Tells where a class was loaded from, for messages about plug-ins. */
public final class Origins {
  private Origins() {}

  /**
   * Returns the jar file or class folder that holds {@code type}.
   *
   * @param type a loaded class
   * @return a file path, or a description when the location is unknown
   */
  public static String of(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return "an unknown location (" + type.getName() + ")";
    }
    try {
      return Path.of(source.getLocation().toURI()).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return source.getLocation().toString();
    }
  }
}
