package dev.shifter.api.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs commands as a user whom file permissions bind, for tests of read-only folders. A non-root user
 * runs them as they are. Root ignores permissions, so as root the command runs under
 * {@code setpriv} with the capabilities that override them dropped (CAP_DAC_OVERRIDE,
 * CAP_DAC_READ_SEARCH, CAP_FOWNER); when that is not possible the test is skipped with a message that
 * says why.
 */
public final class Unprivileged {
  private static final List<String> SETPRIV = List.of("setpriv",
      "--bounding-set=-dac_override,-dac_read_search,-fowner");
  private static @Nullable List<String> prefix;

  private Unprivileged() {}

  /**
   * Returns the words to put before a command so that it runs bound by file permissions, or skips the
   * test when no such way exists.
   *
   * @return an empty list for a non-root user, the {@code setpriv} call for root
   */
  public static synchronized List<String> prefix() {
    if (prefix == null) {
      prefix = probe();
    }
    assumeTrue(prefix.size() != 1, "skipped: the tests run as root and cannot drop the capability to ignore file "
        + "permissions (setpriv from util-linux is missing or refused), so read-only folders cannot be tested here");
    return prefix;
  }

  /**
   * Returns the command with {@link #prefix()} before it.
   *
   * @param command the command and its arguments
   * @return the command to run
   */
  public static List<String> command(List<String> command) {
    List<String> full = new ArrayList<>(prefix());
    full.addAll(command);
    return full;
  }

  /**
   * Tells whether the tests run as root.
   *
   * @return true for user id 0
   */
  public static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[1].equals("0");
        }
      }
    } catch (IOException e) {
      return "root".equals(System.getProperty("user.name"));
    }
    return false;
  }

  /** Returns the prefix, or a one-element marker list when none works. */
  private static List<String> probe() {
    if (!isRoot()) {
      return List.of();
    }
    try {
      Path dir = Files.createTempDirectory("unprivileged-probe");
      Path locked = dir.resolve("locked");
      Files.createDirectory(locked);
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
      List<String> probe = new ArrayList<>(SETPRIV);
      probe.addAll(List.of("sh", "-c", "touch '" + locked.resolve("x") + "' 2>/dev/null"));
      Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
      boolean finished = process.waitFor(30, TimeUnit.SECONDS);
      boolean bound = finished && process.exitValue() != 0 && !Files.exists(locked.resolve("x"));
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.deleteIfExists(locked.resolve("x"));
      Files.delete(locked);
      Files.delete(dir);
      return bound ? SETPRIV : List.of("none");
    } catch (IOException e) {
      return List.of("none");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted", e));
    }
  }
}
