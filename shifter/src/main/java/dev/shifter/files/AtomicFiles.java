package dev.shifter.files;

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
 * Writes a file so that readers see either the old content or the complete new one: the content goes
 * to a hidden temporary file in the target's directory, which is then renamed over the target.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes content to an open path; may throw {@link IOException}. */
  @FunctionalInterface
  public interface Content {
    /**
     * Writes the whole content to {@code path}, which exists and is empty.
     *
     * @param path the temporary file
     * @throws IOException if writing fails
     */
    void writeTo(Path path) throws IOException;
  }

  /**
   * Writes {@code target} atomically.
   *
   * @param target the file to create or replace
   * @param content what to write
   * @throws InvalidInputException if the target's directory is missing or not writable
   * @throws ShifterException if writing fails otherwise (disk full, I/O error)
   */
  public static void write(Path target, Content content) {
    Path absolute = requireWritable(target);
    Path temp = absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.createFile(temp);
      content.writeTo(temp);
      moveIntoPlace(temp, absolute);
    } catch (AccessDeniedException e) {
      throw new InvalidInputException(target + ": permission denied (" + e.getFile() + "). Write to a directory you "
          + "may write to.", e);
    } catch (IOException e) {
      throw new ShifterException(target + ": could not write the file: " + e
          + ". Check the free disk space and the path; the previous file, if any, was left unchanged.", e);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // Nothing more to do: the temporary file is hidden and named as such.
      }
    }
  }

  /**
   * Checks, before any work, that a file can be written at this path: its directory exists and the
   * path is not a directory.
   *
   * @param target the file to create or replace
   * @return the target as an absolute path
   * @throws InvalidInputException if it cannot be written, saying why and what to do
   */
  public static Path requireWritable(Path target) {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir == null || absolute.getFileName() == null) {
      throw new InvalidInputException(target + ": not a file path. Give the path of the file to write.");
    }
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException(target + ": the directory " + dir + " does not exist. Create it first.");
    }
    if (Files.isDirectory(absolute)) {
      throw new InvalidInputException(target + ": is a directory. Give the path of a file to write.");
    }
    return absolute;
  }

  /**
   * Writes {@code text} as UTF-8 to {@code target} atomically.
   *
   * @param target the file to create or replace
   * @param text the whole content
   * @throws InvalidInputException if the target's directory is missing or not writable
   * @throws ShifterException if writing fails otherwise
   */
  public static void writeText(Path target, String text) {
    write(target, path -> Files.writeString(path, text, StandardCharsets.UTF_8));
  }

  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
