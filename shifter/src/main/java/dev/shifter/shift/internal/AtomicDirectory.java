package dev.shifter.shift.internal;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.ShifterException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Writes a directory so that readers see either the old one or the complete new one: the files go
 * to a hidden temporary folder beside the target, the old directory (if any) is renamed aside, the new
 * one renamed into place, and the old one deleted.
 */
public final class AtomicDirectory {
  private AtomicDirectory() {}

  /**
   * Creates or replaces {@code target} with the given files.
   *
   * @param target the directory; missing parents are created
   * @param files file name to content, written in order
   * @param mayReplace asked before a non-empty existing directory is replaced
   * @param what what the directory holds, for messages
   * @throws InvalidInputException if the target is a file, may not be replaced, or is not writable
   * @throws ShifterException if writing fails otherwise; the old directory is then unchanged
   */
  public static void write(Path target, Map<String, byte[]> files, Predicate<Path> mayReplace, String what) {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    Path name = absolute.getFileName();
    if (parent == null || name == null) {
      throw new InvalidInputException(target + " is not a directory path that can be written. Give a path such as "
          + "shifters/adult-skew.");
    }
    if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
      throw new InvalidInputException(target + " is a file, not a directory. Give the path of a directory for "
          + what + ".");
    }
    if (Files.isDirectory(absolute) && !isEmpty(absolute) && !mayReplace.test(absolute)) {
      throw new InvalidInputException(target + " exists and does not hold " + what + ", so it was not replaced. "
          + "Choose another directory, or empty or remove this one first.");
    }
    Path temp = parent.resolve("." + name + ".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(parent);
      Files.createDirectory(temp);
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Files.write(temp.resolve(file.getKey()), file.getValue());
      }
      if (Files.exists(absolute)) {
        Path old = parent.resolve("." + name + ".old-" + UUID.randomUUID());
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
