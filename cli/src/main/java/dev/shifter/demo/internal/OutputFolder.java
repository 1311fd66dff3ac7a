package dev.shifter.demo.internal;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.ShifterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo's output folder: created when missing; written over when it holds only what a demo run
 * writes (or the hidden temporary files of an interrupted write); refused when it holds anything else,
 * so that a mistyped {@code --out} never overwrites someone's files.
 */
public final class OutputFolder {
  private OutputFolder() {}

  /**
   * Checks the folder and creates it if needed.
   *
   * @param folder the output folder
   * @param names the names a demo run writes
   * @throws InvalidInputException if it is a file, or holds files a demo run does not write
   * @throws ShifterException if it cannot be created or listed
   */
  public static void prepare(Path folder, List<String> names) {
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new InvalidInputException(folder + " is a file, not a folder. Give a folder for the demo's output "
          + "(--out DIR).");
    }
    try {
      if (Files.isDirectory(folder)) {
        List<String> foreign;
        try (Stream<Path> entries = Files.list(folder)) {
          foreign = entries.map(p -> p.getFileName().toString()).filter(n -> !ours(n, names)).sorted().toList();
        }
        if (!foreign.isEmpty()) {
          throw new InvalidInputException(folder + " holds files that a demo run does not write ("
              + String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
              + (foreign.size() > 5 ? ", ..." : "") + "), so it is left alone. Give an empty or new folder with "
              + "--out DIR.");
        }
      }
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new ShifterException("Cannot create or list the output folder " + folder + ": " + e.getMessage()
          + ". Check the path and its permissions, or give another one with --out DIR.", e);
    }
  }

  private static boolean ours(String name, List<String> names) {
    if (names.contains(name)) {
      return true;
    }
    if (name.startsWith(".") && name.contains(".tmp")) {
      for (String own : names) {
        if (name.startsWith("." + own + ".")) {
          return true;
        }
      }
    }
    return false;
  }
}
