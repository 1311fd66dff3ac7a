package dev.shifter.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StringLiteralsTest {
  private static final Path FILE = Path.of("A.java");

  @Test
  void literalsAreFoundWithTheirLinesAndCommentsAreSkipped() {
    String source = """
        /** Use "--javadoc" here. */
        class A {
          // a "--comment"
          String a = "one \\" two"; char q = '"';
          String b = "http://example.org --flag";
        }
        """;

    assertThat(StringLiterals.of(FILE, source)).extracting(StringLiterals.Literal::line, StringLiterals.Literal::text)
        .containsExactly(tuple(4, "one \\\" two"),
            tuple(5, "http://example.org --flag"));
  }

  @Test
  void textBlocksAreLiteralsToo() {
    String source = "class A {\n  String t = \"\"\"\n      a\n      --b\n      \"\"\";\n  String u = \"c\";\n}\n";

    assertThat(StringLiterals.of(FILE, source)).extracting(StringLiterals.Literal::line)
        .containsExactly(2, 6);
  }

  @Test
  void flagsAreToldApartFromDashesThatAreNoFlag(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("B.java"), """
        class B {
          String flag = "read it as missing (--missing NA)";
          String quoted = "'--resume'";
          String dashes = "a -- b, x--y, ---, --1";
        }
        """);

    assertThat(StringLiterals.namingFlags(dir)).extracting(StringLiterals.Literal::line).containsExactly(2, 3);
  }
}
