package dev.shifter.commons;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.ShifterException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Turns the failure of a write into a message that says what happened and what to do. */
public final class WriteFailures {
  private WriteFailures() {}

  /**
   * Finds the I/O failure behind an exception: the exception itself, or the first {@link IOException}
   * among its causes (libraries wrap them in {@link UncheckedIOException} or a plain
   * {@link RuntimeException}).
   *
   * @param e the failure
   * @return the I/O failure, or {@code null} if none is behind it
   */
  public static @Nullable IOException ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
    }
    return null;
  }

  /**
   * Describes a failed write.
   *
   * @param target the file or directory being written, for the message
   * @param what what it holds, e.g. "the table" or "a CTGAN model directory"
   * @param e the failure, an {@link IOException} or an {@link UncheckedIOException} around one
   * @param unchanged what was left as it was, e.g. "the previous file, if any, was left unchanged"
   * @return the exception to throw: {@link InvalidInputException} for a permission problem,
   *     {@link ShifterException} otherwise
   */
  public static ShifterException of(Object target, String what, Exception e, String unchanged) {
    IOException io = ioCause(e);
    Throwable cause = io != null ? io : e;
    if (cause instanceof AccessDeniedException denied) {
      return new InvalidInputException(target + ": permission denied (" + denied.getFile() + "), so " + what
          + " was not written; " + unchanged + ". Write to a directory you may write to.", e);
    }
    String reason = cause instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
        : String.valueOf(cause.getMessage());
    String lower = reason.toLowerCase(Locale.ROOT);
    if (lower.contains("no space left") || lower.contains("quota exceeded")) {
      return new ShifterException(target + ": " + reason + " while writing " + what + ". Check the free disk space "
          + "(df -h), free some or write elsewhere; " + unchanged + ".", e);
    }
    return new ShifterException(target + ": could not write " + what + ": " + cause + ". Check the free disk space "
        + "and the path; " + unchanged + ".", e);
  }
}
