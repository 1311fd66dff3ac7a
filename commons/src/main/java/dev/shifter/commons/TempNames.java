package dev.shifter.commons;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden names of the temporary files and folders that atomic writes put beside their target, and
 * the removal of those that a killed process left behind. Each name carries the writing process's id,
 * so a later write removes only the leftovers of processes that no longer run:
 *
 * <pre>
 * .NAME.PID-UUID.tmp    a file being written       (AtomicFiles)
 * .NAME.tmp-PID-UUID    a directory being written  (AtomicDirectory)
 * .NAME.old-PID-UUID    the directory being replaced, between two renames (AtomicDirectory)
 * </pre>
 *
 * <p>Names without a process id, as earlier versions wrote them, count as leftovers too.
 */
final class TempNames {
  private static final String UUID_TEXT = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private TempNames() {}

  /** Returns the name of a temporary file for {@code target}, in the target's folder. */
  static Path file(Path target) {
    return target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
        + UUID.randomUUID() + ".tmp");
  }

  /** Returns the name of a temporary directory for {@code target}, in the target's folder. */
  static Path directory(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
        + UUID.randomUUID());
  }

  /** Returns the name the replaced directory has between the two renames. */
  static Path replaced(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".old-" + ProcessHandle.current().pid() + "-"
        + UUID.randomUUID());
  }

  /** Returns the glob that matches the replaced directories of {@code target}. */
  static String replacedGlob(Path target) {
    return "." + target.getFileName() + ".old-*";
  }

  /**
   * Removes the temporary files and folders of {@code target} that processes which no longer run left
   * behind (a kill -9, a power cut). Failures are ignored: the leftovers are hidden and named as such.
   *
   * @param target the file or directory written
   * @return the leftovers removed
   */
  static List<Path> removeLeftovers(Path target) {
    Path parent = target.toAbsolutePath().getParent();
    Path name = target.getFileName();
    List<Path> removed = new ArrayList<>();
    if (parent == null || name == null) {
      return removed;
    }
    String quoted = Pattern.quote(name.toString());
    Pattern fileTemp = Pattern.compile("\\." + quoted + "\\.(?:(\\d+)-)?" + UUID_TEXT + "\\.tmp");
    Pattern dirTemp = Pattern.compile("\\." + quoted + "\\.tmp-(?:(\\d+)-)?" + UUID_TEXT);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, "." + escapeGlob(name.toString()) + ".*")) {
      for (Path entry : entries) {
        String entryName = String.valueOf(entry.getFileName());
        Matcher file = fileTemp.matcher(entryName);
        Matcher dir = dirTemp.matcher(entryName);
        Matcher matched = file.matches() ? file : dir.matches() ? dir : null;
        if (matched != null && !writerIsAlive(matched.group(1)) && delete(entry)) {
          removed.add(entry);
        }
      }
    } catch (IOException | RuntimeException e) {
      return removed;
    }
    return removed;
  }

  private static boolean writerIsAlive(String pid) {
    if (pid == null) {
      return false;
    }
    long id;
    try {
      id = Long.parseLong(pid);
    } catch (NumberFormatException e) {
      return false;
    }
    return id == ProcessHandle.current().pid() || ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false);
  }

  private static String escapeGlob(String name) {
    return name.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1");
  }

  private static boolean delete(Path entry) {
    try {
      deleteRecursively(entry);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Deletes a file, or a directory with everything in it. */
  static void deleteRecursively(Path path) throws IOException {
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(path);
      return;
    }
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
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
