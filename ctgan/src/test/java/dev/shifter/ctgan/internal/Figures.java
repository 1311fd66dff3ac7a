package dev.shifter.ctgan.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a measured figure to {@code target/figures/<name>.txt} (relative to the module), where it
 * survives the quiet Maven log; the tests that measure also log it at INFO.
 */
final class Figures {
  private Figures() {}

  /**
   * Writes one figure, replacing an earlier one of the same name.
   *
   * @param name the file's base name
   * @param text the figure, one line
   */
  static void write(String name, String text) {
    Path dir = Path.of("target", "figures");
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(name + ".txt"), text + System.lineSeparator(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
