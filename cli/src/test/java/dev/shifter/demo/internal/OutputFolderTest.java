package dev.shifter.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shifter.api.InvalidInputException;
import dev.shifter.demo.DemoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
  @TempDir
  Path dir;

  @Test
  void aMissingFolderIsCreatedWithItsParents() {
    Path folder = dir.resolve("a").resolve("demo");

    OutputFolder.prepare(folder, DemoFiles.NAMES);

    assertThat(folder).isDirectory();
  }

  @Test
  void aPreviousDemoAndTheTemporaryFilesOfAnInterruptedWriteMayBeWrittenOver() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("demo"));
    Files.writeString(folder.resolve("summary.json"), "{}");
    Files.createDirectories(folder.resolve("model"));
    Files.createDirectories(folder.resolve(".shifter.tmp-1234"));
    Files.writeString(folder.resolve(".report.html.5678.tmp"), "");

    OutputFolder.prepare(folder, DemoFiles.NAMES);

    assertThat(folder.resolve("summary.json")).exists();
  }

  @Test
  void aFolderWithOtherFilesIsLeftAloneAndTheMessageNamesThem() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("home"));
    Files.writeString(folder.resolve("thesis.tex"), "precious");
    Files.writeString(folder.resolve("data.csv"), "a\n1\n");
    Files.writeString(folder.resolve(".bashrc"), "");

    assertThatThrownBy(() -> OutputFolder.prepare(folder, DemoFiles.NAMES))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("holds files that a demo run does not write (.bashrc, thesis.tex)")
        .hasMessageContaining("Give an empty or new folder with --out DIR");
    assertThat(folder.resolve("thesis.tex")).hasContent("precious");
  }

  @Test
  void aFileIsNotAFolder() throws Exception {
    Path file = Files.writeString(dir.resolve("file.txt"), "x");

    assertThatThrownBy(() -> OutputFolder.prepare(file, DemoFiles.NAMES)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is a file, not a folder");
  }
}
