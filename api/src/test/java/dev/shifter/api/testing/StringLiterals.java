package dev.shifter.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the string literals (text blocks included) of Java sources, skipping comments, so that a rule
 * can check what the code says to its users.
 */
public final class StringLiterals {
  private static final Pattern FLAG = Pattern.compile("(^|[\\s(\"'/])--[a-z][a-z-]+");

  private StringLiterals() {}

  /**
   * One literal and where it is.
   *
   * @param file the source file
   * @param line the line the literal starts on, from 1
   * @param text the literal's text, escapes as written
   */
  public record Literal(Path file, int line, String text) {
    @Override
    public String toString() {
      return file + ":" + line + ": \"" + text + "\"";
    }
  }

  /**
   * The literals in a module's main sources that name a command-line flag ({@code --name}).
   *
   * @param sourceRoot the module's {@code src/main/java}
   * @return the literals, empty when none names one
   */
  public static List<Literal> namingFlags(Path sourceRoot) {
    return in(sourceRoot).stream().filter(literal -> FLAG.matcher(literal.text()).find()).toList();
  }

  /**
   * Every string literal in the Java files under a folder.
   *
   * @param sourceRoot the folder
   * @return the literals in file order
   */
  public static List<Literal> in(Path sourceRoot) {
    List<Literal> literals = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        literals.addAll(of(file, Files.readString(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return literals;
  }

  /**
   * The string literals of one source text.
   *
   * @param file the file, for the literals' location
   * @param source the Java source
   * @return the literals in order
   */
  public static List<Literal> of(Path file, String source) {
    List<Literal> literals = new ArrayList<>();
    int line = 1;
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (source.startsWith("//", i)) {
        while (i < n && source.charAt(i) != '\n') {
          i++;
        }
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        line += count(source, i, end);
        i = end;
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        end = end < 0 ? n : end;
        literals.add(new Literal(file, line, source.substring(i + 3, end)));
        line += count(source, i, end);
        i = Math.min(n, end + 3);
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        if (c == '"') {
          literals.add(new Literal(file, line, source.substring(i + 1, Math.min(j, n))));
        }
        i = j + 1;
      } else {
        i++;
      }
    }
    return literals;
  }

  private static int count(String source, int from, int to) {
    int lines = 0;
    for (int k = from; k < to; k++) {
      if (source.charAt(k) == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
