package dev.shifter.commons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.ShifterException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir
  Path dir;

  @Test
  void writesAndReplacesAFileLeavingNoTemporaryFile() throws IOException {
    Path file = dir.resolve("t.csv");

    AtomicFiles.writeText(file, "one");
    AtomicFiles.writeText(file, "two");

    assertThat(Files.readString(file)).isEqualTo("two");
    assertThat(entries()).containsExactly("t.csv");
  }

  @Test
  void aFullDiskInsideALibraryThatWrapsIoExceptionsGivesAClearMessage() throws IOException {
    Path file = AtomicFilesTest.this.dir.resolve("t.csv");
    AtomicFiles.writeText(file, "old");

    assertThatThrownBy(() -> AtomicFiles.write(file, path -> {
      Files.writeString(path, "half");
      throw new UncheckedIOException(new FileSystemException(path.toString(), null, "No space left on device"));
    })).isInstanceOf(ShifterException.class)
        .isNotInstanceOf(InvalidInputException.class)
        .hasMessageContaining("No space left on device while writing the file")
        .hasMessageContaining("Check the free disk space")
        .hasMessageContaining("the previous file, if any, was left unchanged");
    assertThat(Files.readString(file)).isEqualTo("old");
    assertThat(entries()).containsExactly("t.csv");
  }

  @Test
  void aPendingFileThatIsNotCommittedLeavesNothing() throws IOException {
    Path file = dir.resolve("t.arrow");
    try (AtomicFiles.Pending pending = AtomicFiles.create(file)) {
      Files.writeString(pending.path(), "part");
      assertThat(InFlightFiles.listed()).contains(pending.path());
    }

    assertThat(entries()).isEmpty();
    assertThat(InFlightFiles.listed()).isEmpty();
  }

  @Test
  void removesTheTemporaryFilesThatKilledProcessesLeft() throws IOException, InterruptedException {
    Path file = dir.resolve("t.csv");
    Path dead = Files.writeString(dir.resolve(".t.csv." + AtomicDirectoryTest.deadPid() + "-" + UUID.randomUUID()
        + ".tmp"), "x");
    Path legacy = Files.writeString(dir.resolve(".t.csv." + UUID.randomUUID() + ".tmp"), "x");

    AtomicFiles.writeText(file, "done");

    assertThat(dead).doesNotExist();
    assertThat(legacy).doesNotExist();
    assertThat(entries()).containsExactly("t.csv");
  }

  @Test
  void refusesAMissingFolderAndADirectory() throws IOException {
    Files.createDirectory(dir.resolve("d"));

    assertThatThrownBy(() -> AtomicFiles.writeText(dir.resolve("missing/t.csv"), "x"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist. Create it first");
    assertThatThrownBy(() -> AtomicFiles.writeText(dir.resolve("d"), "x"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("is a directory");
  }

  private List<String> entries() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
