package dev.shifter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shifter.api.MetaFeatureProvider;
import dev.shifter.cli.fixtures.ClashProviderA;
import dev.shifter.cli.fixtures.ClashProviderB;
import dev.shifter.shift.fixtures.MlpModels;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad inputs of issue 11, one test each, through the command line in this JVM: the command fails
 * or warns with one line that names the problem and the fix, and nothing the user had is lost or
 * changed. The cases that need another process (read-only folders, signals, a full disk, bounded
 * memory) are in {@code BadInputIT}.
 */
class BadInputCommandTest {
  @TempDir
  static Path dir;
  private static Path data;
  private static Path model;
  private static Path shifter;

  /** A CTGAN fitted for one epoch on a small table, and a Shifter trained against a test MLP model. */
  @BeforeAll
  static void fitOnce() throws IOException {
    data = BadInputFixtures.smallTable(dir.resolve("train.csv"), 200, 11);
    model = dir.resolve("model");
    CliRun fit = CliRun.of("fit", "--data", data.toString(), "--out", model.toString(), "--epochs", "1",
        "--batch-size", "50", "--seed", "1", "--progress", "none");
    assertThat(fit.exitCode()).as(fit.toString()).isZero();
    Path mlp = MlpModels.write(dir.resolve("mlp"), 3);
    Path target = Files.writeString(dir.resolve("target.json"), "{\"mean\": {\"age\": 50}}");
    shifter = dir.resolve("shifter");
    CliRun train = CliRun.of("train", "--model", mlp.toString(), "--target", target.toString(), "--out",
        shifter.toString(), "--steps", "20", "--progress", "none");
    assertThat(train.exitCode()).as(train.toString()).isZero();
  }

  @AfterEach
  void clearThePluginPath() {
    System.clearProperty(PluginOptions.PATH_PROPERTY);
  }

  @Test
  void trainRefusesToWriteItsShifterOverTheModelItTrainsOn() throws IOException {
    Map<String, String> before = BadInputFixtures.contents(model);
    Path target = Files.writeString(dir.resolve("t1.json"), "{\"mean\": {\"age\": 45}}");

    CliRun run = CliRun.of("train", "--model", model.toString(), "--target", target.toString(), "--out",
        model.toString(), "--steps", "5", "--progress", "none");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).contains("holds a CTGAN model directory").contains("not a Shifter directory")
        .contains("was not replaced");
    assertThat(BadInputFixtures.contents(model)).isEqualTo(before);
  }

  @Test
  void fitRefusesToWriteItsModelOverAShifterBeforeTraining() throws IOException {
    Map<String, String> before = BadInputFixtures.contents(shifter);

    CliRun run = CliRun.of("fit", "--data", data.toString(), "--out", shifter.toString(), "--epochs", "1",
        "--batch-size", "50", "--progress", "lines");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).contains("holds a Shifter directory").contains("not a CTGAN model directory")
        .doesNotContain("epoch 1/1");
    assertThat(BadInputFixtures.contents(shifter)).isEqualTo(before);
  }

  @Test
  void aModelWhereAShifterIsExpectedIsNamedForWhatItIs() {
    CliRun generate = CliRun.of("generate", "--shifter", model.toString(), "-n", "5", "--out",
        dir.resolve("never.csv").toString());
    CliRun sample = CliRun.of("sample", "--model", shifter.toString(), "-n", "5", "--out",
        dir.resolve("never.csv").toString());

    assertThat(generate.exitCode()).isEqualTo(3);
    assertThat(generate.err()).contains("is a CTGAN model directory (written by 'shifter fit'")
        .contains("not a Shifter directory").doesNotContain("damaged");
    assertThat(sample.exitCode()).isEqualTo(3);
    assertThat(sample.err()).contains("is a Shifter directory (written by 'shifter train'")
        .contains("not a CTGAN model directory").doesNotContain("damaged");
    assertThat(dir.resolve("never.csv")).doesNotExist();
  }

  @Test
  void aQuestionMarkCategoryComesBackAsAQuestionMark() throws IOException {
    Path out = dir.resolve("sampled.csv");

    CliRun run = CliRun.of("sample", "--model", model.toString(), "-n", "2000", "--seed", "2", "--out", out.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> jobs = Files.readAllLines(out).stream().skip(1).map(l -> l.split(",", -1)[1]).toList();
    assertThat(jobs).contains("?").doesNotContain("");
  }

  @Test
  void questionMarksAreMissingOnlyWhenSaid() throws IOException {
    Path file = Files.writeString(dir.resolve("q.csv"), "x,y\n1,?\n2,3\n3,4\n");

    CliRun plain = CliRun.of("metafeatures", "--data", file.toString(), "--features", "mean");
    CliRun missing = CliRun.of("metafeatures", "--data", file.toString(), "--features", "mean", "--missing", "?");

    assertThat(plain.err()).contains("column 2 ('y'): read as categorical").contains("--missing ?");
    assertThat(plain.out()).doesNotContain(" y ");
    assertThat(missing.exitCode()).isZero();
    assertThat(missing.out()).contains("y").contains("3.5");
    assertThat(missing.err()).contains("1 of 3 rows have a missing value");
  }

  @Test
  void valuesBeyondFloat32AreRefusedOrWarnedNamingTheColumn() throws IOException {
    Path huge = Files.writeString(dir.resolve("huge.csv"), "a,b\n1,1e300\n2,3e300\n3,5\n");
    StringBuilder large = new StringBuilder("a,big\n");
    for (int i = 1; i <= 50; i++) {
      large.append(i).append(',').append(i).append("e30\n");
    }
    Path big = Files.writeString(dir.resolve("big.csv"), large.toString());

    CliRun refused = CliRun.of("metafeatures", "--data", huge.toString(), "--features", "mean");
    CliRun fit = CliRun.of("fit", "--data", huge.toString(), "--out", dir.resolve("m300").toString(), "--epochs",
        "1", "--progress", "none");
    CliRun warned = CliRun.of("metafeatures", "--data", big.toString(), "--features", "mean,var");

    assertThat(refused.exitCode()).isEqualTo(3);
    assertThat(refused.err()).contains("column 2 ('b'): the number '1e300' is beyond the range of float32");
    assertThat(fit.exitCode()).isEqualTo(3);
    assertThat(fit.err()).contains("'b'").contains("float32").doesNotContain("Mixture component");
    assertThat(warned.exitCode()).isZero();
    assertThat(warned.err()).contains("var[big] is 3.4028235E38, float32's largest value")
        .contains("Rescale the column").doesNotContain("var[a]");
  }

  @Test
  void nanTextAmongNumbersIsRefusedInsteadOfMakingTheColumnCategorical() throws IOException {
    Path file = Files.writeString(dir.resolve("nan.csv"), "a,b\n1,NaN\n2,3\n3,inf\n");

    CliRun run = CliRun.of("metafeatures", "--data", file.toString(), "--features", "mean");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("'NaN' is not a finite number").contains("--missing NaN")
        .contains("--discrete b");
  }

  @Test
  void anAllEmptyColumnIsRefusedByFitAndNamedByMetafeatures() throws IOException {
    Path file = BadInputFixtures.tableWithAnEmptyColumn(dir.resolve("empty-column.csv"));

    CliRun fit = CliRun.of("fit", "--data", file.toString(), "--out", dir.resolve("m-empty").toString(), "--epochs",
        "1", "--batch-size", "30", "--progress", "none");
    CliRun meta = CliRun.of("metafeatures", "--data", file.toString(), "--features", "mean");

    assertThat(fit.exitCode()).isEqualTo(3);
    assertThat(fit.err()).contains("Column 'b' has no values: it is empty in all 60 rows").contains("--discrete b");
    assertThat(dir.resolve("m-empty")).doesNotExist();
    assertThat(meta.exitCode()).isZero();
    assertThat(meta.err()).contains("column 'b' is empty in all 60 rows; it was left out of the meta-features")
        .doesNotContain("have a missing value in a continuous column");
    assertThat(meta.out()).contains("29.5");
  }

  @Test
  void aDeclaredDiscreteEmptyColumnStaysEmptyInEverySample() throws IOException {
    Path file = BadInputFixtures.tableWithAnEmptyColumn(dir.resolve("empty-discrete.csv"));
    Path empty = dir.resolve("m-empty-discrete");
    Path out = dir.resolve("empty-sample.csv");

    CliRun fit = CliRun.of("fit", "--data", file.toString(), "--out", empty.toString(), "--epochs", "1",
        "--batch-size", "30", "--discrete", "b", "--progress", "none");
    CliRun sample = CliRun.of("sample", "--model", empty.toString(), "-n", "500", "--seed", "1", "--out",
        out.toString());

    assertThat(fit.exitCode()).as(fit.toString()).isZero();
    assertThat(sample.exitCode()).as(sample.toString()).isZero();
    assertThat(Files.readAllLines(out).stream().skip(1).map(l -> l.split(",", -1)[1])).containsOnly("");
  }

  @Test
  void aHeaderOnlyFileIsNamedAsSuch() throws IOException {
    Path file = Files.writeString(dir.resolve("header.csv"), "a,b\n");

    CliRun fit = CliRun.of("fit", "--data", file.toString(), "--out", dir.resolve("m-header").toString(),
        "--progress", "none");
    CliRun meta = CliRun.of("metafeatures", "--data", file.toString());

    assertThat(fit.err()).contains(file + " has a header but no data rows");
    assertThat(meta.err()).contains(file + " has a header but no data rows").doesNotContain("--discrete");
    assertThat(fit.exitCode()).isEqualTo(3);
    assertThat(meta.exitCode()).isEqualTo(3);
  }

  @Test
  void rowCountsOutsideTheLimitsAreRefusedInWordsAndZeroIsRefusedByBoth() {
    String out = dir.resolve("never.csv").toString();
    CliRun notANumber = CliRun.of("sample", "--model", model.toString(), "-n", "99999999999999999999", "--out", out);
    CliRun tooManyToHold = CliRun.of("generate", "--shifter", shifter.toString(), "-n", "10000000000", "--out", out);
    CliRun sampleZero = CliRun.of("sample", "--model", model.toString(), "-n", "0", "--out", out);
    CliRun generateZero = CliRun.of("generate", "--shifter", shifter.toString(), "-n", "0", "--out", out);

    assertThat(notANumber.exitCode()).isEqualTo(2);
    assertThat(notANumber.err()).contains("is not a whole number of rows: give a number from 1 to");
    assertThat(tooManyToHold.exitCode()).isEqualTo(2);
    assertThat(tooManyToHold.err()).contains("-n 10,000,000,000 is more rows than one generated table can hold");
    assertThat(sampleZero.err()).contains("-n must be at least 1, got 0");
    assertThat(generateZero.err()).contains("-n must be at least 1, got 0");
    assertThat(dir.resolve("never.csv")).doesNotExist();
  }

  @Test
  void sampleAcceptsMoreRowsThanAnIntHolds() {
    CliRun run = CliRun.of("sample", "--model", model.toString(), "-n", "3000000000", "--out",
        dir.resolve("huge-sample.unknown").toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("unknown table file extension").doesNotContain("is not an int");
  }

  @Test
  void resumingAcceptsTheCheckpointsOwnBatchSizeButNoOther() throws IOException {
    Path resumable = dir.resolve("resumable");
    CliRun first = CliRun.of("fit", "--data", data.toString(), "--out", resumable.toString(), "--epochs", "1",
        "--batch-size", "50", "--progress", "none");
    CliRun same = CliRun.of("fit", "--data", data.toString(), "--out", resumable.toString(), "--epochs", "2",
        "--batch-size", "50", "--resume", "--progress", "none");
    CliRun other = CliRun.of("fit", "--data", data.toString(), "--out", resumable.toString(), "--epochs", "3",
        "--batch-size", "100", "--resume", "--progress", "none");

    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(same.exitCode()).as(same.toString()).isZero();
    assertThat(same.err()).contains("2 epochs");
    assertThat(other.exitCode()).isEqualTo(3);
    assertThat(other.err()).contains("The batch size 100 differs from the checkpoint's batch size 50");
  }

  @Test
  void aFileThatIsNotAJarInThePluginFolderIsNamed() throws IOException {
    Path plugins = Files.createDirectories(dir.resolve("plugins-broken"));
    Files.writeString(plugins.resolve("notes.jar"), "this is not a zip");

    CliRun run = CliRun.of("metafeatures", "--list", "--plugins", plugins.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("plug-in " + plugins.resolve("notes.jar") + " was skipped: it is not a jar");
  }

  @Test
  void nanInATargetFileIsExplainedWithoutJacksonsWords() throws IOException {
    Path target = Files.writeString(dir.resolve("nan-target.json"), "{\"mean\": {\"age\": NaN}}");

    CliRun run = CliRun.of("train", "--model", model.toString(), "--target", target.toString(), "--out",
        dir.resolve("never-shifter").toString(), "--progress", "none");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("'NaN' is not a number in JSON: values must be finite numbers")
        .doesNotContain("ALLOW_NON_NUMERIC_NUMBERS");
  }

  @Test
  void aTargetFarBeyondTheModelIsWarnedBeforeTraining() throws IOException {
    Path target = Files.writeString(dir.resolve("far.json"), "{\"mean\": {\"age\": 1e30}}");

    CliRun run = CliRun.of("train", "--model", MlpModels.write(dir.resolve("mlp-far"), 3).toString(), "--target",
        target.toString(), "--out", dir.resolve("far-shifter").toString(), "--steps", "2", "--progress", "none");

    assertThat(run.err()).contains("shifter: warning: the target mean[age] = 1e+30 is far beyond what the model "
        + "makes");
  }

  @Test
  void sampleWithoutASeedPrintsTheSeedItDrewAndTheSeedRepeatsTheFile() throws IOException {
    Path first = dir.resolve("seeded-1.csv");
    Path second = dir.resolve("seeded-2.csv");

    CliRun drawn = CliRun.of("sample", "--model", model.toString(), "-n", "50", "--out", first.toString());
    String seed = drawn.err().replaceAll("(?s).*pass --seed (-?\\d+) to draw.*", "$1");
    CliRun again = CliRun.of("sample", "--model", model.toString(), "-n", "50", "--seed", seed, "--out",
        second.toString());

    assertThat(drawn.err()).contains("sampling with the seed " + seed);
    assertThat(again.exitCode()).isZero();
    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
  }

  @Test
  void aMistypedOptionGetsADidYouMean() {
    CliRun train = CliRun.of("train", "--model", model.toString(), "--traget", "t.json", "--out", "x");
    CliRun sample = CliRun.of("sample", "--modle", model.toString(), "-n", "5", "--out", "x.csv");

    assertThat(train.exitCode()).isEqualTo(2);
    assertThat(train.err()).contains("unknown option '--traget' (did you mean '--target'?)");
    assertThat(sample.exitCode()).isEqualTo(2);
    assertThat(sample.err()).contains("unknown option '--modle' (did you mean '--model'?)");
  }

  @Test
  void aShifterTrainedWithOnePluginRefusesAnotherPluginsFeatureOfTheSameName() throws IOException {
    Path pluginsA = pluginJar("plugins-a", ClashProviderA.class);
    Path pluginsB = pluginJar("plugins-b", ClashProviderB.class);
    Path mlp = MlpModels.write(dir.resolve("mlp-clash"), 5);
    Path target = Files.writeString(dir.resolve("clash.json"), "{\"clash_mean\": {\"age\": 48}}");
    Path clash = dir.resolve("clash-shifter");

    CliRun train = CliRun.of("train", "--model", mlp.toString(), "--target", target.toString(), "--out",
        clash.toString(), "--steps", "10", "--plugins", pluginsA.toString(), "--progress", "none");
    CliRun same = CliRun.of("generate", "--shifter", clash.toString(), "-n", "100", "--out",
        dir.resolve("clash-a.csv").toString(), "--plugins", pluginsA.toString());
    CliRun other = CliRun.of("generate", "--shifter", clash.toString(), "-n", "100", "--out",
        dir.resolve("clash-b.csv").toString(), "--plugins", pluginsB.toString());

    assertThat(train.exitCode()).as(train.toString()).isZero();
    assertThat(Files.readString(clash.resolve("manifest.json"))).contains("\"provider\" : \"clash-a\"");
    assertThat(same.exitCode()).as(same.toString()).isZero();
    assertThat(other.exitCode()).isEqualTo(4);
    assertThat(other.err()).contains("trained with the meta-feature 'clash_mean' of the provider 'clash-a'")
        .contains("now comes from the provider 'clash-b'");
    assertThat(dir.resolve("clash-b.csv")).doesNotExist();
  }

  /** Writes a plug-in folder with one jar whose service file names the provider; the class is on the class path. */
  private static Path pluginJar(String folder, Class<? extends MetaFeatureProvider> provider) throws IOException {
    Path plugins = Files.createDirectories(dir.resolve(folder));
    try (OutputStream out = Files.newOutputStream(plugins.resolve(folder + ".jar"));
        JarOutputStream zip = new JarOutputStream(out)) {
      zip.putNextEntry(new JarEntry("META-INF/services/" + MetaFeatureProvider.class.getName()));
      zip.write((provider.getName() + "\n").getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return plugins;
  }
}
