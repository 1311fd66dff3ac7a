package dev.shifter.commons;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The temporary files being written in this process. When the JVM shuts down before a write is done
 * (Ctrl-C, SIGTERM), a shutdown hook deletes them, so an interrupted write leaves nothing behind.
 * Temporary directories are not listed: training writes its checkpoints through them and finishes the
 * one in progress when it is stopped.
 */
final class InFlightFiles {
  private static final Set<Path> FILES = new LinkedHashSet<>();
  private static boolean hookInstalled;

  private InFlightFiles() {}

  /** Lists a temporary file, installing the shutdown hook the first time. */
  static synchronized void add(Path file) {
    if (!hookInstalled) {
      try {
        Runtime.getRuntime().addShutdownHook(new Thread(InFlightFiles::deleteAll, "shifter-temp-cleanup"));
      } catch (IllegalStateException e) {
        return;
      }
      hookInstalled = true;
    }
    FILES.add(file);
  }

  /** Forgets a temporary file that was moved into place or deleted. */
  static synchronized void remove(Path file) {
    FILES.remove(file);
  }

  /** Returns the files listed now, for tests. */
  static synchronized List<Path> listed() {
    return List.copyOf(FILES);
  }

  private static void deleteAll() {
    List<Path> files;
    synchronized (InFlightFiles.class) {
      files = new ArrayList<>(FILES);
      FILES.clear();
    }
    for (Path file : files) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // The JVM is stopping; the next write to the same place removes what is left.
      }
    }
  }
}
