package dev.shifter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
  @TempDir
  Path dir;

  @Test
  void aLatinHypercubeWithoutACountIsBadUsage() throws IOException {
    Path grid = Files.writeString(dir.resolve("grid.json"), "{\"mean\": {\"x\": [1, 2, 3]}}");
    CliRun run = CliRun.of("sweep", "--model", "m", "--grid", grid.toString(), "--out", dir.resolve("s").toString(),
        "--design", "lhs");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--design lhs needs --count N");
  }

  @Test
  void aGridOfTheWrongShapeIsBadInputNamingTheEntry() throws IOException {
    Path grid = Files.writeString(dir.resolve("grid.json"), "{\"mean\": {\"x\": 4}}");
    CliRun run = CliRun.of("sweep", "--model", "m", "--grid", grid.toString(), "--out", dir.resolve("s").toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("mean[x] must be [low, high, steps]");
  }
}
