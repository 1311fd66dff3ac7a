package dev.shifter.commons;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.ShifterException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either the old content or the complete new one: the content goes
 * to a hidden temporary file in the target's directory ({@code .NAME.PID-UUID.tmp}), which is then
 * renamed over the target. The temporary file is deleted when the write fails, when the JVM is stopped
 * during it (Ctrl-C, SIGTERM), and, if a killed process left it, by the next successful write of the
 * same target.
 */
public final class AtomicFiles {
  private static final String UNCHANGED = "the previous file, if any, was left unchanged";

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
   * A file being written in steps (a table streamed batch by batch): write to {@link #path()}, then
   * {@link #commit()}. Closing without a commit deletes what was written and leaves the target as it
   * was.
   */
  public static final class Pending implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private boolean done;

    private Pending(Path target, Path temp) {
      this.target = target;
      this.temp = temp;
    }

    /**
     * Returns the temporary file to write to.
     *
     * @return the hidden temporary file, which exists
     */
    public Path path() {
      return temp;
    }

    /**
     * Forces the temporary file to the storage device and moves it into place.
     *
     * @throws ShifterException if the move fails; the target is then unchanged
     */
    public void commit() {
      if (done) {
        throw new IllegalStateException(target + " was already committed or aborted");
      }
      try {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          channel.force(true);
        }
        moveIntoPlace(temp, target);
        done = true;
        InFlightFiles.remove(temp);
      } catch (IOException e) {
        throw WriteFailures.of(target, "the file", e, UNCHANGED);
      }
      TempNames.removeLeftovers(target);
    }

    /**
     * Turns a failure while writing {@link #path()} into the exception to throw.
     *
     * @param e the failure
     * @return an exception that names the target and what to do
     */
    public ShifterException failure(Exception e) {
      return WriteFailures.of(target, "the file", e, UNCHANGED);
    }

    /** Deletes the temporary file unless it was committed. */
    @Override
    public void close() {
      if (done) {
        return;
      }
      done = true;
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // The temporary file is hidden and named as such; the next write of the target removes it.
      }
      InFlightFiles.remove(temp);
    }
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
    try (Pending pending = create(target)) {
      try {
        content.writeTo(pending.path());
      } catch (IOException | RuntimeException e) {
        if (e instanceof RuntimeException runtime && WriteFailures.ioCause(runtime) == null) {
          throw runtime;
        }
        throw pending.failure(e);
      }
      pending.commit();
    }
  }

  /**
   * Starts writing {@code target} in steps: creates the hidden temporary file beside it.
   *
   * @param target the file to create or replace
   * @return the pending file; write it, commit it, close it
   * @throws InvalidInputException if the target's directory is missing or not writable
   * @throws ShifterException if the temporary file cannot be created
   */
  public static Pending create(Path target) {
    Path absolute = requireWritable(target);
    Path temp = TempNames.file(absolute);
    InFlightFiles.add(temp);
    try {
      Files.createFile(temp);
    } catch (IOException e) {
      InFlightFiles.remove(temp);
      throw WriteFailures.of(target, "the file", e, UNCHANGED);
    }
    return new Pending(absolute, temp);
  }

  /**
   * Checks, before any work, that a file can be written at this path: its directory exists and may
   * be written to, and the path is not a directory.
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
    if (!Files.isWritable(dir)) {
      throw new InvalidInputException(target + ": the directory " + dir + " is not writable (permission denied). "
          + "Write somewhere you may write to, or make it writable (chmod u+w " + dir + ").");
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
