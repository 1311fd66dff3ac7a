package dev.shifter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shifter.shift.fixtures.MlpModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --label} with class-aware targets against a CTGAN fitted by the {@code fit} command. */
class ClassAwareTrainCommandTest {
  @TempDir
  static Path dir;
  private static Path model;

  /** Columns: age (number), job (a, b, c), label y (yes when age is high, with noise). */
  @BeforeAll
  static void fitATinyModel() throws IOException {
    Random random = new Random(4);
    StringBuilder csv = new StringBuilder("age,job,y\n");
    for (int i = 0; i < 400; i++) {
      double age = 20 + 40 * random.nextDouble();
      csv.append(String.format(Locale.ROOT, "%.2f,%s,%s%n", age, "abc".charAt(random.nextInt(3)),
          age + 10 * random.nextGaussian() > 45 ? "yes" : "no"));
    }
    Path data = Files.writeString(dir.resolve("train.csv"), csv.toString(), StandardCharsets.UTF_8);
    model = dir.resolve("model");
    CliRun fit = CliRun.of("fit", "--data", data.toString(), "--epochs", "3", "--batch-size", "100", "--seed", "3",
        "--out", model.toString(), "--progress", "none");
    assertThat(fit.exitCode()).as(fit.toString()).isZero();
  }

  @Test
  void trainWithALabelStoresItAndGenerateReportsTheClassAwareEntries() throws IOException {
    Path target = Files.writeString(dir.resolve("shares.json"), "{\"freq\": {\"y=yes\": 0.5, \"job=a\": 0.3}, "
        + "\"class_ent\": {\"value\": 0.99}}");
    Path shifter = dir.resolve("shifter");

    CliRun train = CliRun.of("train", "--model", model.toString(), "--target", target.toString(), "--label", "y",
        "--out", shifter.toString(), "--steps", "30", "--batch-size", "200", "--progress", "none");
    CliRun generate = CliRun.of("generate", "--shifter", shifter.toString(), "-n", "500", "--out",
        dir.resolve("rows.csv").toString(), "--format", "json");

    assertThat(train.exitCode()).as(train.toString()).isZero();
    assertThat(train.out()).contains("freq[y=yes]", "freq[job=a]", "class_ent[value]");
    assertThat(Files.readString(shifter.resolve("manifest.json"))).contains("\"label\" : \"y\"",
        "\"condition\" : \"auto\"");
    assertThat(generate.exitCode()).as(generate.toString()).isZero();
    assertThat(generate.out()).contains("\"key\" : \"y=yes\"", "\"key\" : \"job=a\"", "\"feature\" : \"class_ent\"");
  }

  @Test
  void aClassAwareTargetWithoutTheLabelAsksForTheLabelFlag() throws IOException {
    Path target = Files.writeString(dir.resolve("entropy.json"), "{\"class_ent\": {\"value\": 0.9}}");

    CliRun run = CliRun.of("train", "--model", model.toString(), "--target", target.toString(), "--out",
        dir.resolve("never").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT.code());
    assertThat(run.err()).contains("class_ent needs the label column", "job, y", "--label COLUMN");
    assertThat(dir.resolve("never")).doesNotExist();
  }

  @Test
  void aLabelOnAGeneratorWithoutCategoricalOutputIsRefusedWithTheFix() throws IOException {
    Path mlp = MlpModels.write(dir.resolve("mlp"), 7);
    Path target = Files.writeString(dir.resolve("mean.json"), "{\"mean\": {\"age\": 50}}");

    CliRun run = CliRun.of("train", "--model", mlp.toString(), "--target", target.toString(), "--label", "group",
        "--out", dir.resolve("never-mlp").toString());
    CliRun condition = CliRun.of("train", "--model", model.toString(), "--target", target.toString(),
        "--condition", "sometimes", "--out", dir.resolve("never-condition").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT.code());
    assertThat(run.err()).contains("differentiates its continuous columns only", "--label");
    assertThat(condition.exitCode()).isEqualTo(ExitCode.INPUT.code());
    assertThat(condition.err()).contains("condition must be data, learnt or auto, got 'sometimes'");
  }
}
