package dev.shifter.report.internal;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.ShifterException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes a text file so that readers see the old content or the complete new one: the text goes to a
 * hidden temporary file in the target's directory, which is then renamed over the target.
 */
public final class AtomicText {
  private AtomicText() {}

  /**
   * Checks, before any work, that a file can be written at this path.
   *
   * @param target the file to create or replace
   * @throws InvalidInputException if the directory is missing or the path is a directory
   */
  public static void requireWritable(Path target) {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir == null || absolute.getFileName() == null) {
      throw new InvalidInputException(target + ": not a file path. Give the path of the HTML file to write.");
    }
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException("Cannot write " + target + ": the directory " + dir + " does not exist. "
          + "Create it first, or write the report elsewhere.");
    }
    if (Files.isDirectory(absolute)) {
      throw new InvalidInputException("Cannot write " + target + ": it is a directory. Give the path of an HTML "
          + "file, e.g. " + absolute.resolve("report.html") + ".");
    }
  }

  /**
   * Writes the text as UTF-8, atomically.
   *
   * @param target the file to create or replace
   * @param text the content
   * @throws InvalidInputException if the directory is missing or not writable
   * @throws ShifterException if writing fails otherwise; the previous file is left as it was
   */
  public static void write(Path target, String text) {
    requireWritable(target);
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Path temp = dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (AccessDeniedException e) {
      throw new InvalidInputException("Cannot write " + target + ": permission denied (" + e.getFile() + "). "
          + "Write the report to a directory you may write to.", e);
    } catch (IOException e) {
      throw new ShifterException("Cannot write " + target + ": " + e + ". Check the free disk space and the path; "
          + "the previous file, if any, was left unchanged.", e);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // Nothing more to do: the temporary file is hidden and named as such.
      }
    }
  }
}
