package dev.shifter.ctgan.internal;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.ShifterException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes a directory so that readers see either the old directory or the complete new one. The
 * content goes to a hidden temporary directory beside the target ({@code .NAME.tmp-UUID}); then the old
 * directory, if any, is renamed aside ({@code .NAME.old-UUID}), the new one renamed into place and the
 * old one deleted. If the process dies between the two renames, the old directory survives under its
 * hidden name and {@link #interruptedReplacement} finds it.
 */
public final class AtomicDirectory {
  private static final String OLD = ".old-";

  /** Writes the files of the new directory into an empty folder. */
  @FunctionalInterface
  public interface Content {
    /**
     * Writes every file.
     *
     * @param dir the temporary folder, empty
     * @throws IOException if writing fails
     */
    void writeTo(Path dir) throws IOException;
  }

  /** Tells whether an existing directory may be replaced. */
  @FunctionalInterface
  public interface ReplaceCheck {
    /**
     * Tells whether {@code dir}, which exists and is not empty, may be replaced.
     *
     * @param dir the existing directory
     * @return true to replace it
     */
    boolean mayReplace(Path dir);
  }

  private AtomicDirectory() {}

  /**
   * Creates or replaces {@code target} with the content written by {@code content}.
   *
   * @param target the directory to create or replace; missing parent folders are created
   * @param check asked before a non-empty existing directory is replaced
   * @param what what the directory holds, for messages (e.g. "a Shifter model directory")
   * @param content writes the files
   * @throws InvalidInputException if the target is a file, or a directory that may not be replaced, or
   *     cannot be written for lack of permission
   * @throws ShifterException if writing fails otherwise; the old directory is then unchanged
   */
  public static void replace(Path target, ReplaceCheck check, String what, Content content) {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    Path name = absolute.getFileName();
    if (parent == null || name == null) {
      throw new InvalidInputException(target + ": not a directory path that can be written. Give a path such as "
          + "models/adult.");
    }
    if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
      throw new InvalidInputException(target + " is a file, not a directory. Give the path of a directory for "
          + what + ".");
    }
    if (Files.isDirectory(absolute) && !isEmpty(absolute) && !check.mayReplace(absolute)) {
      throw new InvalidInputException(target + " exists and is not " + what + ", so it was not replaced. Choose "
          + "another directory, or empty or remove this one first.");
    }
    Path temp = parent.resolve("." + name + ".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(parent);
      Files.createDirectory(temp);
      content.writeTo(temp);
      if (Files.exists(absolute)) {
        Path old = parent.resolve("." + name + OLD + UUID.randomUUID());
        move(absolute, old);
        try {
          move(temp, absolute);
        } catch (IOException e) {
          move(old, absolute);
          throw e;
        }
        deleteRecursively(old);
      } else {
        move(temp, absolute);
      }
    } catch (AccessDeniedException e) {
      throw new InvalidInputException(target + ": permission denied (" + e.getFile() + "). Write to a directory "
          + "you may write to.", e);
    } catch (IOException e) {
      throw new ShifterException(target + ": could not write " + what + ": " + e + ". Check the free disk space "
          + "and the path; the previous directory, if any, was left unchanged.", e);
    } finally {
      try {
        if (Files.exists(temp)) {
          deleteRecursively(temp);
        }
      } catch (IOException ignored) {
        // The temporary folder is hidden and named as such; nothing more to do.
      }
    }
  }

  /**
   * Writes a file and forces it to the storage device.
   *
   * @param file the file to create
   * @param bytes its content
   * @throws IOException if writing fails
   */
  public static void writeDurably(Path file, byte[] bytes) throws IOException {
    Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /**
   * Finds the hidden copy that an interrupted replacement of {@code target} left behind.
   *
   * @param target the directory that was being replaced
   * @return the hidden old directory, or {@code null} if there is none
   */
  public static @Nullable Path interruptedReplacement(Path target) {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    Path name = absolute.getFileName();
    if (parent == null || name == null || !Files.isDirectory(parent)) {
      return null;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, "." + name + OLD + "*")) {
      for (Path entry : entries) {
        if (Files.isDirectory(entry)) {
          return entry;
        }
      }
    } catch (IOException e) {
      return null;
    }
    return null;
  }

  private static boolean isEmpty(Path dir) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      return !entries.iterator().hasNext();
    } catch (IOException e) {
      return false;
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path visited, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(visited);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
