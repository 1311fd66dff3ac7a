package dev.shifter.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README shows the quick start's code; this test keeps it the code that {@link QuickstartTest}
 * compiles and runs. Indentation is ignored, every other character counts.
 */
class ReadmeSnippetsTest {
  private static final Path README = Path.of("../../README.md");
  private static final Path SOURCES = Path.of("src/main");

  @Test
  void theReadmeShowsTheJavaQuickStartAsCompiled() throws IOException {
    List<String> source = Files.readAllLines(SOURCES.resolve("java/dev/shifter/examples/quickstart/Quickstart.java"));
    int start = indexOfLineStartingWith(source, "try (BufferAllocator");
    List<String> block = balancedBlock(source, start);

    assertThat(block).hasSizeGreaterThan(10).hasSizeLessThan(30);
    assertThat(normalised(Files.readAllLines(README))).contains(normalised(block));
  }

  @Test
  void theReadmeShowsTheKotlinQuickStartAsCompiled() throws IOException {
    List<String> source = Files.readAllLines(SOURCES.resolve("kotlin/dev/shifter/examples/quickstart/Quickstart.kt"));
    List<String> function = source.subList(indexOfLineStartingWith(source, "fun quickstart("), source.size());

    assertThat(function).hasSizeGreaterThan(10).hasSizeLessThan(30);
    assertThat(normalised(Files.readAllLines(README))).contains(normalised(function));
  }

  private static int indexOfLineStartingWith(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("No line starts with '" + prefix + "'");
  }

  /** The lines from {@code start} to the one that closes the brace opened there. */
  private static List<String> balancedBlock(List<String> lines, int start) {
    int depth = 0;
    for (int i = start; i < lines.size(); i++) {
      for (char c : lines.get(i).toCharArray()) {
        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      }
      if (depth == 0 && lines.get(i).contains("}")) {
        return lines.subList(start, i + 1);
      }
    }
    throw new AssertionError("Unbalanced braces after line " + (start + 1));
  }

  private static String normalised(List<String> lines) {
    return lines.stream().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
  }
}
