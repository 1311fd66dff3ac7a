package dev.shifter.commons;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.ShifterException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Writes a Shifter directory (a model, a Shifter) so that readers see either the old directory or the
 * complete new one, and never replaces what it must not:
 *
 * <ul>
 *   <li>Before any work ({@link #requireReplaceable}), and again before writing, the target is checked:
 *       a file, a directory of another {@link ArtifactKind kind}, or a directory with other files is
 *       refused, and so is a directory that cannot be replaced for lack of permission (the directory
 *       or a folder in it not writable, or the folder it lies in not writable).
 *   <li>The content goes to a hidden temporary directory beside the target ({@code .NAME.tmp-PID-UUID});
 *       then the old directory, if any, is renamed aside ({@code .NAME.old-PID-UUID}), the new one
 *       renamed into place and the old one deleted. If the old one cannot be deleted, the new one is
 *       taken out again and the old one put back.
 *   <li>If the process dies between the two renames, the old directory survives under its hidden name
 *       and {@link #interruptedReplacement} finds it; temporary directories of processes that no longer
 *       run are removed by the next successful write of the same target.
 * </ul>
 */
public final class AtomicDirectory {
  private static final String UNCHANGED = "the previous directory, if any, was left as it was";

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

  private AtomicDirectory() {}

  /**
   * Checks, before any work, that {@code target} may be created or replaced by a directory of the given
   * kind: it does not exist, or is an empty directory, or a directory of that kind; and it, the folders
   * in it and the folder it lies in (or would be created in) may be written to.
   *
   * @param target the directory to create or replace
   * @param kind what will be written there
   * @throws InvalidInputException if it may not, saying what the path holds and what to do
   */
  public static void requireReplaceable(Path target, ArtifactKind kind) {
    Path absolute = target.toAbsolutePath().normalize();
    if (absolute.getParent() == null || absolute.getFileName() == null) {
      throw new InvalidInputException(target + ": not a directory path that can be written. Give a path such as "
          + "models/adult.");
    }
    DirectoryContents contents = DirectoryContents.of(absolute);
    switch (contents.state()) {
      case FILE -> throw new InvalidInputException(target + " is a file, not a directory. Give the path of a "
          + "directory for " + kind.noun() + ".");
      case OTHER -> throw new InvalidInputException(target + " holds " + contents.describe() + ", not " + kind.noun()
          + ", so it was not replaced. Choose another directory, or empty or remove this one first.");
      case ARTIFACT -> {
        if (!contents.is(kind)) {
          throw new InvalidInputException(target + " holds " + contents.describe() + ", not " + kind.noun()
              + ", so it was not replaced. Choose another directory (one path cannot hold both).");
        }
      }
      case MISSING, EMPTY -> {
        // Nothing to keep.
      }
    }
    if (contents.state() != DirectoryContents.State.MISSING) {
      unwritableFolderIn(absolute).ifPresent(folder -> {
        throw new InvalidInputException(target + " cannot be replaced: " + (folder.equals(absolute) ? "it"
            : folder.toString()) + " is not writable (permission denied). It was left as it is. Make it writable "
            + "(chmod -R u+w " + target + ") or choose another directory.");
      });
    }
    Path existing = absolute.getParent();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return;
    }
    if (!Files.isDirectory(existing)) {
      throw new InvalidInputException(target + " cannot be created: " + existing + " is a file, not a folder. Choose "
          + "another path.");
    }
    if (!Files.isWritable(existing)) {
      throw new InvalidInputException(target + " cannot be " + (contents.state() == DirectoryContents.State.MISSING
          ? "created" : "replaced") + ": the folder " + existing + " is not writable (permission denied). Choose a "
          + "directory you may write to.");
    }
  }

  /**
   * Creates or replaces {@code target} with the content written by {@code content}, after the checks
   * of {@link #requireReplaceable}.
   *
   * @param target the directory to create or replace; missing parent folders are created
   * @param kind what is written, for the checks and messages
   * @param content writes the files
   * @throws InvalidInputException if the target may not be replaced, or cannot be written for lack of
   *     permission
   * @throws ShifterException if writing fails otherwise; the old directory is then unchanged
   */
  public static void replace(Path target, ArtifactKind kind, Content content) {
    requireReplaceable(target, kind);
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    Path temp = TempNames.directory(absolute);
    try {
      Files.createDirectories(parent);
      Files.createDirectory(temp);
      content.writeTo(temp);
      if (Files.exists(absolute)) {
        swap(absolute, temp);
      } else {
        move(temp, absolute);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof RuntimeException runtime && (runtime instanceof ShifterException
          || WriteFailures.ioCause(runtime) == null)) {
        throw runtime;
      }
      throw WriteFailures.of(target, kind.noun(), e, UNCHANGED);
    } finally {
      try {
        TempNames.deleteRecursively(temp);
      } catch (IOException ignored) {
        // The temporary folder is hidden and named as such; the next write of the target removes it.
      }
    }
    TempNames.removeLeftovers(absolute);
  }

  /** Replaces {@code target} by {@code fresh}; on failure the old directory is back in place. */
  private static void swap(Path target, Path fresh) throws IOException {
    Path old = TempNames.replaced(target);
    move(target, old);
    try {
      move(fresh, target);
    } catch (IOException e) {
      move(old, target);
      throw e;
    }
    try {
      TempNames.deleteRecursively(old);
    } catch (IOException e) {
      move(target, fresh);
      move(old, target);
      throw e;
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
    if (parent == null || absolute.getFileName() == null || !Files.isDirectory(parent)) {
      return null;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, TempNames.replacedGlob(absolute))) {
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

  /** Returns the first folder of the tree under {@code dir} (itself included) that is not writable. */
  private static Optional<Path> unwritableFolderIn(Path dir) {
    try (Stream<Path> tree = Files.walk(dir)) {
      return tree.filter(Files::isDirectory).filter(p -> !Files.isWritable(p)).findFirst();
    } catch (IOException | UncheckedIOException e) {
      return Optional.of(dir);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }
}
