package dev.shifter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shifter.shift.fixtures.MlpModels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainAndGenerateCommandTest {
  @TempDir
  static Path dir;
  private static Path model;
  private static Path shifter;
  private static CliRun training;

  @BeforeAll
  static void trainOnce() throws Exception {
    model = MlpModels.write(dir.resolve("model"), 7);
    Path target = Files.writeString(dir.resolve("target.json"), "{\"mean\": {\"age\": 52}, \"sd\": {\"ratio\": 0.6}}");
    shifter = dir.resolve("shifter");
    training = CliRun.of("train", "--model", model.toString(), "--target", target.toString(), "--out",
        shifter.toString(), "--steps", "400", "--batch-size", "500", "--seed", "1", "--progress", "lines");
  }

  @Test
  void trainWritesTheShifterPrintsTheEvaluationAndShowsProgressLines() {
    assertThat(training.exitCode()).as(training.toString()).isZero();
    assertThat(training.out()).contains("entry", "target", "reached", "unshifted", "within tolerance", "mean[age]",
        "sd[ratio]", "yes");
    assertThat(training.err()).contains("step 1/400  loss ", "meta_loss", "latent_reg", "feature_space_reg",
        "  worst ",
        "shifter: note: wrote the Shifter to " + shifter);
    assertThat(shifter.resolve("manifest.json")).exists();
  }

  @Test
  void generateWritesTheShiftedTablePrintsTheReportAndIsReproducible() throws Exception {
    Path first = dir.resolve("first.csv");
    Path second = dir.resolve("second.csv");

    CliRun run = CliRun.of("generate", "--shifter", shifter.toString(), "-n", "3000", "--out", first.toString(),
        "--seed", "4");
    CliRun again = CliRun.of("generate", "--shifter", shifter.toString(), "-n", "3000", "--out", second.toString(),
        "--seed", "4");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(run.out()).contains("mean[age]", "sd[ratio]", "52", "yes").isEqualTo(again.out());
    assertThat(run.err()).contains("wrote 3,000 rows to " + first);
    assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    assertThat(Files.readAllLines(first).get(0)).isEqualTo("age,group,ratio,income");
    assertThat(Files.readAllLines(first)).hasSize(3001);
  }

  @Test
  void generateCanPrintTheReportAsJson() {
    CliRun run = CliRun.of("generate", "--shifter", shifter.toString(), "-n", "500", "--out",
        dir.resolve("json.arrow").toString(), "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("\"feature\" : \"mean\"", "\"key\" : \"age\"", "\"target\" : 52.0",
        "\"within_tolerance\"", "\"unshifted\"");
  }

  @Test
  void aRangeShifterGeneratesForAnotherTargetInsideItsRange() throws Exception {
    Path range = Files.writeString(dir.resolve("range.json"), "{\"mean\": {\"age\": [46, 54]}}");
    Path other = Files.writeString(dir.resolve("other.json"), "{\"mean\": {\"age\": 53}}");
    Path outside = Files.writeString(dir.resolve("outside.json"), "{\"mean\": {\"age\": 70}}");
    Path rangeShifter = dir.resolve("range-shifter");

    CliRun train = CliRun.of("train", "--model", model.toString(), "--target-range", range.toString(), "--out",
        rangeShifter.toString(), "--steps", "600", "--batch-size", "500", "--progress", "none");
    CliRun generate = CliRun.of("generate", "--shifter", rangeShifter.toString(), "-n", "4000", "--out",
        dir.resolve("range.csv").toString(), "--target", other.toString());
    CliRun refused = CliRun.of("generate", "--shifter", rangeShifter.toString(), "-n", "10", "--out",
        dir.resolve("never.csv").toString(), "--target", outside.toString());

    assertThat(train.exitCode()).as(train.toString()).isZero();
    assertThat(generate.exitCode()).as(generate.toString()).isZero();
    assertThat(generate.out()).contains("mean[age]", "53", "yes");
    assertThat(refused.exitCode()).isEqualTo(ExitCode.INPUT.code());
    assertThat(refused.err()).contains("mean[age] = 70.0 is outside the trained range [46.0, 54.0]");
    assertThat(dir.resolve("never.csv")).doesNotExist();
  }

  @Test
  void aBadTargetIsRefusedBeforeTraining() throws Exception {
    Path target = Files.writeString(dir.resolve("bad.json"), "{\"cor\": {\"ratio~age\": 1.5}, \"sd\": {\"x\": 1}}");
    Path out = dir.resolve("never-trained");

    CliRun run = CliRun.of("train", "--model", model.toString(), "--target", target.toString(), "--out",
        out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT.code());
    assertThat(run.err()).contains("shifter: error: 2 problems with the targets:",
        "write it as \"age~ratio\"", "Unknown column 'x' in sd[x]. The continuous columns are: age, ratio, income");
    assertThat(out).doesNotExist();
  }

  @Test
  void generatingWithAnotherModelIsRefused() {
    Path other = MlpModels.write(dir.resolve("other-model"), 8);

    CliRun run = CliRun.of("generate", "--shifter", shifter.toString(), "-n", "10", "--out",
        dir.resolve("other.csv").toString(), "--model", other.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT.code());
    assertThat(run.err()).contains("was trained against the model at " + model.toAbsolutePath(),
        "it is another model");
  }

  @Test
  void theFlagsOverrideTheConfigFile() throws Exception {
    Path config = Files.writeString(dir.resolve("config.json"), "{\"steps\": 3, \"lambda_z\": 0.2, "
        + "\"shifter_hidden\": [16]}");
    Path target = Files.writeString(dir.resolve("far.json"), "{\"mean\": {\"ratio\": 0.9}}");
    Path out = dir.resolve("configured");

    CliRun run = CliRun.of("train", "--model", model.toString(), "--target", target.toString(), "--out",
        out.toString(), "--config", config.toString(), "--steps", "5", "--progress", "none");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).contains(": 5 steps in");
    assertThat(Files.readString(out.resolve("manifest.json"))).contains("\"lambda_z\" : 0.2",
        "\"shifter_hidden\" : [ 16 ]", "\"steps\" : 5");
  }

  @Test
  void theCriticWeightFlagOverridesTheConfigFileAndNeedsAModelWithACritic() throws Exception {
    Path config = Files.writeString(dir.resolve("critic.json"), "{\"steps\": 3, \"lambda_critic\": 0.5}");
    Path target = Files.writeString(dir.resolve("critic-target.json"), "{\"mean\": {\"ratio\": 0.9}}");

    CliRun refused = CliRun.of("train", "--model", model.toString(), "--target", target.toString(), "--out",
        dir.resolve("critic-refused").toString(), "--config", config.toString(), "--progress", "none");
    CliRun off = CliRun.of("train", "--model", model.toString(), "--target", target.toString(), "--out",
        dir.resolve("critic-off").toString(), "--config", config.toString(), "--lambda-critic", "0",
        "--progress", "none");
    CliRun negative = CliRun.of("train", "--model", model.toString(), "--target", target.toString(), "--out",
        dir.resolve("critic-negative").toString(), "--lambda-critic", "-1", "--progress", "none");

    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.INPUT.code());
    assertThat(refused.err()).contains("has no critic", "lambda_critic 0.5", "leave out --lambda-critic");
    assertThat(dir.resolve("critic-refused")).doesNotExist();
    assertThat(off.exitCode()).as(off.toString()).isZero();
    assertThat(Files.readString(dir.resolve("critic-off").resolve("manifest.json")))
        .contains("\"lambda_critic\" : 0.0");
    assertThat(negative.exitCode()).isEqualTo(ExitCode.INPUT.code());
    assertThat(negative.err()).contains("lambda_critic must be zero or positive, got -1");
  }

  @Test
  void targetAndTargetRangeExcludeEachOther() {
    CliRun run = CliRun.of("train", "--model", model.toString(), "--target", "a.json", "--target-range", "b.json",
        "--out", dir.resolve("x").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("mutually exclusive");
  }

  @Test
  void aDirectoryThatIsNotAModelIsRefused() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("not-a-model"));
    Path target = Files.writeString(dir.resolve("t2.json"), "{\"mean\": {\"age\": 50}}");

    CliRun run = CliRun.of("train", "--model", empty.toString(), "--target", target.toString(), "--out",
        dir.resolve("y").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT.code());
    assertThat(run.err()).contains("is not a model directory that an installed loader recognises (tried: ", "ctgan",
        "test-mlp");
  }

  @Test
  void generateWithTheTiltMethodNeedsNoShifterAndReportsTheEffectiveSampleSize() throws Exception {
    Path target = Files.writeString(dir.resolve("tilt.json"), "{\"mean\": {\"age\": 42}, \"sd\": {\"ratio\": 0.5}}");
    Path out = dir.resolve("tilted.csv");

    CliRun run = CliRun.of("generate", "--method", "tilt", "--model", model.toString(), "--target", target.toString(),
        "-n", "2000", "--seed", "2", "--out", out.toString());
    CliRun fromShifter = CliRun.of("generate", "--method", "tilt", "--shifter", shifter.toString(), "-n", "1000",
        "--pool-factor", "60", "--out", dir.resolve("tilted-from-shifter.csv").toString());
    CliRun collapsed = CliRun.of("generate", "--method", "tilt", "--shifter", shifter.toString(), "-n", "1000",
        "--pool-factor", "5", "--out", dir.resolve("collapsed.csv").toString());
    CliRun missing = CliRun.of("generate", "--method", "tilt", "--model", model.toString(), "-n", "10", "--out",
        dir.resolve("never.csv").toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("mean[age]", "sd[ratio]", "yes");
    assertThat(run.err()).contains("tilt: the weights of the 40,000-row pool have an effective sample size of");
    assertThat(Files.readAllLines(out)).hasSize(2001);
    assertThat(fromShifter.exitCode()).as(fromShifter.toString()).isZero();
    assertThat(fromShifter.out()).contains("mean[age]", "sd[ratio]");
    assertThat(collapsed.exitCode()).isEqualTo(3);
    assertThat(collapsed.err()).contains("The weights collapse: the 5,000-row pool has an effective sample size of");
    assertThat(dir.resolve("collapsed.csv")).doesNotExist();
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--method tilt needs the targets");
  }
}
