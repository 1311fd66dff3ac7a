package dev.shifter.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shifter.api.ArtifactException;
import dev.shifter.shift.SweepAxis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepManifestTest {
  private static final List<SweepAxis> AXES = List.of(new SweepAxis("cor", "a~b", 0.1, 0.5, 3),
      new SweepAxis("freq", "g=x,y", 0.2, 0.4, 2));

  @TempDir
  Path dir;

  @Test
  void whatIsWrittenIsReadBack() {
    List<SweepRecord> records = List.of(
        new SweepRecord(1, "tables/point-0001.csv", List.of(0.1, 0.2), List.of(0.11, 0.19), List.of(0.1, 0.05), true,
            SweepRecord.RANGE, OptionalDouble.of(0.8125)),
        new SweepRecord(2, "tables/point-0002.csv", List.of(0.1, 0.4), List.of(0.2, 0.4), List.of(1.0, 0.0), false,
            SweepRecord.REFINED, OptionalDouble.empty()));
    Path file = dir.resolve("manifest.csv");
    SweepManifest.write(file, AXES, records);

    assertThat(SweepManifest.read(file, AXES)).isEqualTo(records);
  }

  @Test
  void theHeaderNamesEveryAxisAndAKeyWithACommaIsQuoted() throws IOException {
    Path file = dir.resolve("manifest.csv");
    SweepManifest.write(file, AXES, List.of());

    assertThat(Files.readAllLines(file).get(0)).isEqualTo("point,file,requested:cor[a~b],\"requested:freq[g=x,y]\","
        + "reached:cor[a~b],\"reached:freq[g=x,y]\",relative_error:cor[a~b],\"relative_error:freq[g=x,y]\","
        + "within_tolerance,made_by,detection");
  }

  @Test
  void aManifestOfAnotherGridIsRefused() {
    Path file = dir.resolve("manifest.csv");
    SweepManifest.write(file, AXES.subList(0, 1), List.of());

    assertThatThrownBy(() -> SweepManifest.read(file, AXES)).isInstanceOf(ArtifactException.class)
        .hasMessageContaining("does not have the columns of this sweep's grid");
  }
}
