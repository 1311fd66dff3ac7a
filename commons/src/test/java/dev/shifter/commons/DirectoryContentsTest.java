package dev.shifter.commons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryContentsTest {
  @TempDir
  Path dir;

  @Test
  void tellsAModelFromAShifterByTheManifestsFormat() throws IOException {
    DirectoryContents model = DirectoryContents.of(Artifacts.create(dir.resolve("m"), ArtifactKind.CTGAN_MODEL, "g"));
    DirectoryContents shifter = DirectoryContents.of(Artifacts.create(dir.resolve("s"), ArtifactKind.SHIFTER, "d"));

    assertThat(model.is(ArtifactKind.CTGAN_MODEL)).isTrue();
    assertThat(model.is(ArtifactKind.SHIFTER)).isFalse();
    assertThat(shifter.is(ArtifactKind.SHIFTER)).isTrue();
    assertThat(model.describe()).startsWith("a CTGAN model directory (written by 'shifter fit'");
    assertThat(shifter.describe()).startsWith("a Shifter directory (written by 'shifter train'");
  }

  @Test
  void aDamagedManifestStillTellsTheKindThroughTheChecksums() throws IOException {
    Path shifter = Artifacts.create(dir.resolve("s"), ArtifactKind.SHIFTER, "d");
    Files.writeString(shifter.resolve(ArtifactKind.MANIFEST), "{not json");

    assertThat(DirectoryContents.of(shifter).is(ArtifactKind.SHIFTER)).isTrue();
  }

  @Test
  void namesSomeEntriesOfADirectoryWithOtherFiles() throws IOException {
    Path other = Files.createDirectory(dir.resolve("o"));
    for (String name : new String[] {"e.txt", "d.txt", "c.csv", "b.csv", "a.csv"}) {
      Files.writeString(other.resolve(name), "x");
    }

    DirectoryContents contents = DirectoryContents.of(other);

    assertThat(contents.state()).isEqualTo(DirectoryContents.State.OTHER);
    assertThat(contents.describe()).isEqualTo("other files (a.csv, b.csv, c.csv, ... 5 entries in all)");
  }

  @Test
  void aManifestOfAnUnknownFormatIsOtherFiles() throws IOException {
    Path other = Files.createDirectory(dir.resolve("o"));
    Files.writeString(other.resolve(ArtifactKind.MANIFEST), "{\"format\": \"someone-else\"}");

    assertThat(DirectoryContents.of(other).state()).isEqualTo(DirectoryContents.State.OTHER);
  }

  @Test
  void tellsMissingEmptyAndFile() throws IOException {
    Path file = Files.writeString(dir.resolve("f"), "x");

    assertThat(DirectoryContents.of(dir.resolve("nothing")).state()).isEqualTo(DirectoryContents.State.MISSING);
    assertThat(DirectoryContents.of(Files.createDirectory(dir.resolve("e"))).state())
        .isEqualTo(DirectoryContents.State.EMPTY);
    assertThat(DirectoryContents.of(file).state()).isEqualTo(DirectoryContents.State.FILE);
  }
}
