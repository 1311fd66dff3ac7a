package dev.shifter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shifter.api.Table;
import dev.shifter.ctgan.CtganModel;
import dev.shifter.io.Tables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitAndSampleCommandTest {
  @TempDir
  Path dir;

  private Path data;
  private Path model;

  /** Columns: age (number), job (a, b, c), grade (1, 2 or 3: a code, read as discrete), hours (number). */
  @BeforeEach
  void writeData() throws IOException {
    Random random = new Random(4);
    StringBuilder csv = new StringBuilder("age,job,grade,hours\n");
    for (int i = 0; i < 200; i++) {
      csv.append(String.format(Locale.ROOT, "%.2f,%s,%d,%.1f%n", 20 + 40 * random.nextDouble(),
          "abc".charAt(random.nextInt(3)), 1 + random.nextInt(3), 30 + 10 * random.nextGaussian()));
    }
    data = Files.writeString(dir.resolve("train.csv"), csv.toString(), StandardCharsets.UTF_8);
    model = dir.resolve("model");
  }

  private CliRun fit(String... extra) {
    List<String> args = new ArrayList<>(List.of("fit", "--data", data.toString(), "--discrete", "grade", "--seed",
        "3", "--out", model.toString()));
    args.addAll(List.of(extra));
    if (!args.contains("--progress")) {
      args.addAll(List.of("--progress", "lines"));
    }
    if (!args.contains("--batch-size")) {
      args.addAll(List.of("--batch-size", "50"));
    }
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void fitThenSampleWritesTheSameFileForTheSameSeed() throws IOException {
    CliRun fit = fit("--epochs", "2");
    assertThat(fit.exitCode()).as(fit.toString()).isZero();
    assertThat(fit.out()).isEmpty();
    assertThat(fit.err()).contains("shifter: note: encoded 200 rows").contains("epoch 1/2  generator")
        .contains("epoch 2/2  generator").contains("rows/s").contains("ETA")
        .contains("shifter: note: wrote the model to " + model + ": 2 epochs on 200 rows");
    assertThat(model.resolve("manifest.json")).exists();

    Path first = dir.resolve("first.csv");
    Path second = dir.resolve("second.csv");
    CliRun sample = CliRun.of("sample", "--model", model.toString(), "-n", "300", "--seed", "1", "--out",
        first.toString());
    assertThat(sample.exitCode()).as(sample.toString()).isZero();
    assertThat(sample.err()).isEqualTo("shifter: note: wrote 300 rows to " + dir.resolve("first.csv") + ".\n");
    assertThat(CliRun.of("sample", "--model", model.toString(), "-n", "300", "--seed", "1", "--out",
        second.toString()).exitCode()).isZero();
    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    List<String> lines = Files.readAllLines(first);
    assertThat(lines).hasSize(301);
    assertThat(lines.get(0)).isEqualTo("age,job,grade,hours");

    Path arrow = dir.resolve("sample.arrow");
    assertThat(CliRun.of("sample", "--model", model.toString(), "-n", "120", "--out", arrow.toString(),
        "--condition", "grade=2").exitCode()).isZero();
    try (BufferAllocator allocator = new RootAllocator(); Table table = Tables.read(arrow, allocator)) {
      assertThat(table.rowCount()).isEqualTo(120);
      assertThat(table.columnNames()).containsExactly("age", "job", "grade", "hours");
    }
  }

  @Test
  void resumeContinuesTheCheckpointToTheAskedEpochs() {
    assertThat(fit("--epochs", "1").exitCode()).isZero();
    CliRun resumed = CliRun.of("fit", "--data", data.toString(), "--discrete", "grade", "--out", model.toString(),
        "--resume", "--epochs", "3", "--progress", "lines");
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(resumed.err()).contains("epoch 2/3").contains("epoch 3/3").doesNotContain("epoch 1/3");
    try (CtganModel loaded = CtganModel.load(model)) {
      assertThat(loaded.epochsCompleted()).isEqualTo(3);
      assertThat(loaded.config().batchSize()).isEqualTo(50);
      assertThat(loaded.config().seed()).isEqualTo(3);
    }
  }

  @Test
  void theProgressBarModeWorksWhenStandardErrorIsNotATerminal() {
    CliRun fit = fit("--epochs", "2", "--progress", "bar");
    assertThat(fit.exitCode()).as(fit.toString()).isZero();
    assertThat(fit.err()).contains("fit").contains("rows").contains("epoch 2/2")
        .contains("shifter: note: wrote the model");
  }

  @Test
  void badInputIsReportedWithTheFixAndExitCode3() throws IOException {
    CliRun missing = CliRun.of("sample", "--model", dir.resolve("none").toString(), "-n", "5", "--out",
        dir.resolve("s.csv").toString());
    assertThat(missing.exitCode()).isEqualTo(3);
    assertThat(missing.err()).startsWith("shifter: error: ").contains("no such model directory");

    assertThat(fit("--epochs", "1").exitCode()).isZero();
    CliRun unknown = CliRun.of("sample", "--model", model.toString(), "-n", "5", "--out",
        dir.resolve("s.csv").toString(), "--condition", "job=z");
    assertThat(unknown.exitCode()).isEqualTo(3);
    assertThat(unknown.err()).contains("'z'").contains("a, b, c");

    Path damaged = model.resolve("critic.params");
    byte[] bytes = Files.readAllBytes(damaged);
    bytes[bytes.length / 2] ^= 1;
    Files.write(damaged, bytes);
    CliRun broken = CliRun.of("sample", "--model", model.toString(), "-n", "5", "--out",
        dir.resolve("s.csv").toString());
    assertThat(broken.exitCode()).isEqualTo(3);
    assertThat(broken.err()).contains(damaged.toString()).contains("damaged");

    Path documents = Files.createDirectories(dir.resolve("documents"));
    Files.writeString(documents.resolve("keep.txt"), "mine");
    CliRun refused = CliRun.of("fit", "--data", data.toString(), "--epochs", "1", "--out", documents.toString());
    assertThat(refused.exitCode()).isEqualTo(3);
    assertThat(refused.err()).contains("holds other files (keep.txt), not a CTGAN model directory");
    assertThat(documents.resolve("keep.txt")).hasContent("mine");
  }

  @Test
  void badUsageIsReportedWithExitCode2() {
    CliRun condition = CliRun.of("sample", "--model", "m", "-n", "5", "--out", "s.csv", "--condition", "job");
    assertThat(condition.exitCode()).isEqualTo(2);
    assertThat(condition.err()).contains("COLUMN=VALUE");
    CliRun rows = CliRun.of("sample", "--model", "m", "-n", "0", "--out", "s.csv");
    assertThat(rows.exitCode()).isEqualTo(2);
    assertThat(rows.err()).contains("-n must be at least 1, got 0");
    CliRun averaging = CliRun.of("fit", "--data", "d.csv", "--out", "m", "--generator-averaging", "1");
    assertThat(averaging.exitCode()).isEqualTo(2);
    assertThat(averaging.err()).contains("--generator-averaging must be in [0, 1)");
  }

  @Test
  void theGeneratorAveragingIsSavedWithTheModelAndCannotChangeOnResume() {
    assertThat(fit("--epochs", "1", "--generator-averaging", "0").exitCode()).isZero();
    try (CtganModel loaded = CtganModel.load(model)) {
      assertThat(loaded.config().generatorAveraging()).isZero();
    }
    assertThat(model.resolve("generator-live.params")).doesNotExist();
    CliRun resumed = CliRun.of("fit", "--data", data.toString(), "--discrete", "grade", "--out", model.toString(),
        "--resume", "--epochs", "2", "--generator-averaging", "0.99");
    assertThat(resumed.exitCode()).isEqualTo(2);
    assertThat(resumed.err()).contains("cannot be changed when resuming");
  }
}
