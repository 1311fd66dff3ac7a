package dev.shifter.cli;

import dev.shifter.commons.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Tables and directory snapshots shared by {@link BadInputCommandTest} and {@link BadInputIT}. */
final class BadInputFixtures {
  private BadInputFixtures() {}

  /**
   * Writes a small table: age (whole years, 18 to 67), job (a, b, c or the category ?) and hours.
   *
   * @param file the CSV file to write
   * @param rows the number of rows
   * @param seed the seed of the values
   * @return the file
   * @throws IOException if it cannot be written
   */
  static Path smallTable(Path file, int rows, long seed) throws IOException {
    Random random = new Random(seed);
    StringBuilder csv = new StringBuilder("age,job,hours\n");
    for (int i = 0; i < rows; i++) {
      csv.append(String.format(Locale.ROOT, "%d,%s,%.1f%n", 18 + random.nextInt(50), "abc?".charAt(random.nextInt(4)),
          30 + 10 * random.nextGaussian()));
    }
    return Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
  }

  /**
   * Writes a table of 60 rows whose column {@code b} is empty in every row: a (0 to 59), b, c (x0, x1, x2).
   *
   * @param file the CSV file to write
   * @return the file
   * @throws IOException if it cannot be written
   */
  static Path tableWithAnEmptyColumn(Path file) throws IOException {
    StringBuilder csv = new StringBuilder("a,b,c\n");
    for (int i = 0; i < 60; i++) {
      csv.append(i).append(",,x").append(i % 3).append('\n');
    }
    return Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
  }

  /**
   * Returns every file of a directory with its SHA-256, and the hidden entries beside it, to compare a
   * directory before and after a command.
   *
   * @param directory the directory
   * @return relative path to digest, plus the hidden siblings under "(hidden beside it)"
   * @throws IOException if it cannot be read
   */
  static Map<String, String> contents(Path directory) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> tree = Files.walk(directory)) {
      for (Path file : tree.filter(Files::isRegularFile).toList()) {
        files.put(directory.relativize(file).toString(), Sha256.of(Files.readAllBytes(file)));
      }
    }
    List<String> hidden = new ArrayList<>();
    try (Stream<Path> siblings = Files.list(directory.getParent())) {
      siblings.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("." + directory.getFileName()))
          .forEach(hidden::add);
    }
    files.put("(hidden beside it)", String.join(",", hidden));
    return files;
  }
}
