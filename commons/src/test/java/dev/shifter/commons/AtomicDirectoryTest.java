package dev.shifter.commons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.ShifterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicDirectoryTest {
  @TempDir
  Path dir;

  @Test
  void replacesADirectoryOfTheSameKind() throws IOException {
    Path model = Artifacts.create(dir.resolve("m"), ArtifactKind.CTGAN_MODEL, "old");

    AtomicDirectory.replace(model, ArtifactKind.CTGAN_MODEL, temp -> Artifacts.writeInto(temp, ArtifactKind.CTGAN_MODEL,
        "new"));

    assertThat(Artifacts.payload(model, ArtifactKind.CTGAN_MODEL)).isEqualTo("new");
    assertThat(hiddenEntries()).isEmpty();
  }

  @Test
  void refusesToReplaceAModelWithAShifterAndLeavesItAsItWas() throws IOException {
    Path model = Artifacts.create(dir.resolve("m"), ArtifactKind.CTGAN_MODEL, "model");

    assertThatThrownBy(() -> AtomicDirectory.replace(model, ArtifactKind.SHIFTER,
        temp -> Artifacts.writeInto(temp, ArtifactKind.SHIFTER, "shifter")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("holds a CTGAN model directory")
        .hasMessageContaining("not a Shifter directory, so it was not replaced");
    assertThat(Artifacts.payload(model, ArtifactKind.CTGAN_MODEL)).isEqualTo("model");
    assertThat(hiddenEntries()).isEmpty();
  }

  @Test
  void refusesToReplaceAShifterWithAModel() throws IOException {
    Path shifter = Artifacts.create(dir.resolve("s"), ArtifactKind.SHIFTER, "shifter");

    assertThatThrownBy(() -> AtomicDirectory.requireReplaceable(shifter, ArtifactKind.CTGAN_MODEL))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("holds a Shifter directory");
  }

  @Test
  void refusesADirectoryWithOtherFilesAndAFile() throws IOException {
    Path other = Files.createDirectory(dir.resolve("o"));
    Files.writeString(other.resolve("notes.txt"), "mine");
    Path file = Files.writeString(dir.resolve("f"), "x");

    assertThatThrownBy(() -> AtomicDirectory.requireReplaceable(other, ArtifactKind.SHIFTER))
        .hasMessageContaining("holds other files (notes.txt)");
    assertThatThrownBy(() -> AtomicDirectory.requireReplaceable(file, ArtifactKind.SHIFTER))
        .hasMessageContaining("is a file, not a directory");
  }

  @Test
  void aFailedWriteLeavesTheOldDirectoryAndNoTemporaryFolder() throws IOException {
    Path model = Artifacts.create(dir.resolve("m"), ArtifactKind.CTGAN_MODEL, "old");

    assertThatThrownBy(() -> AtomicDirectory.replace(model, ArtifactKind.CTGAN_MODEL, temp -> {
      Files.writeString(temp.resolve("half"), "x");
      throw new IOException("No space left on device");
    })).isInstanceOf(ShifterException.class).hasMessageContaining("No space left on device")
        .hasMessageContaining("left as it was");

    assertThat(Artifacts.payload(model, ArtifactKind.CTGAN_MODEL)).isEqualTo("old");
    assertThat(hiddenEntries()).isEmpty();
  }

  @Test
  void removesTheTemporaryFoldersOfDeadProcessesButNotOfLiveOnes() throws IOException, InterruptedException {
    Path model = dir.resolve("m");
    Path dead = Files.createDirectory(dir.resolve(".m.tmp-" + deadPid() + "-" + UUID.randomUUID()));
    Path legacy = Files.createDirectory(dir.resolve(".m.tmp-" + UUID.randomUUID()));
    Process live = new ProcessBuilder("sleep", "30").start();
    try {
      Path alive = Files.createDirectory(dir.resolve(".m.tmp-" + live.pid() + "-" + UUID.randomUUID()));
      Path unrelated = Files.createDirectory(dir.resolve(".mm.tmp-" + deadPid() + "-" + UUID.randomUUID()));

      AtomicDirectory.replace(model, ArtifactKind.CTGAN_MODEL, temp -> Artifacts.writeInto(temp,
          ArtifactKind.CTGAN_MODEL, "new"));

      assertThat(dead).doesNotExist();
      assertThat(legacy).doesNotExist();
      assertThat(alive).exists();
      assertThat(unrelated).exists();
    } finally {
      live.destroyForcibly().waitFor();
    }
  }

  @Test
  void findsTheOldDirectoryOfAnInterruptedReplacement() throws IOException {
    Path old = Artifacts.create(dir.resolve(".m.old-1-" + UUID.randomUUID()), ArtifactKind.CTGAN_MODEL, "old");

    assertThat(AtomicDirectory.interruptedReplacement(dir.resolve("m"))).isEqualTo(old);
    assertThat(AtomicDirectory.interruptedReplacement(dir.resolve("other"))).isNull();
  }

  @Test
  void createsMissingParentFolders() throws IOException {
    Path nested = dir.resolve("a/b/m");

    AtomicDirectory.replace(nested, ArtifactKind.SHIFTER, temp -> Artifacts.writeInto(temp, ArtifactKind.SHIFTER, "x"));

    assertThat(Artifacts.payload(nested, ArtifactKind.SHIFTER)).isEqualTo("x");
  }

  private List<Path> hiddenEntries() throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(p -> p.getFileName().toString().startsWith(".")).toList();
    }
  }

  /** Returns the id of a process that has ended. */
  static long deadPid() throws IOException, InterruptedException {
    Process process = new ProcessBuilder("true").start();
    process.waitFor();
    return process.pid();
  }
}
