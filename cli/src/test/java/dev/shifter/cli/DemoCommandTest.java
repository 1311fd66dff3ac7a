package dev.shifter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shifter.ctgan.types.CtganConfig;
import dev.shifter.demo.DemoPipeline;
import dev.shifter.demo.DemoResult;
import dev.shifter.demo.DemoSettings;
import dev.shifter.shift.ShifterConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code shifter demo}: its help, its refusals, and (at tiny sizes, through the library) the progress
 * lines and the summary it prints. The full command at its real sizes runs as a process in
 * {@code DemoIT}.
 */
class DemoCommandTest {
  @TempDir
  static Path dir;
  private static String progress;
  private static String summary;
  private static DemoResult result;

  @BeforeAll
  static void runATinyDemoWithTheCommandsDisplays() {
    DemoSettings tiny = new DemoSettings(300, 300,
        CtganConfig.builder().optEpochs(2).optBatchSize(100).optEmbeddingDim(16).optGeneratorDims(List.of(32))
            .optCriticDims(List.of(32)).build(),
        ShifterConfig.builder().optSteps(20).optTrainSamples(200).optEvalSamples(300).optEvalEvery(10).build());
    StringWriter err = new StringWriter();
    StringWriter out = new StringWriter();
    PrintWriter errWriter = new PrintWriter(err, true);
    CommandLine commandLine = new CommandLine(new DemoCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.parseArgs();
    Diagnostics diagnostics = Diagnostics.of(commandLine);
    try (DemoProgress display = new DemoProgress(errWriter, ProgressMode.LINES, diagnostics)) {
      result = DemoPipeline.builder().setOutput(dir.resolve("demo")).setSettings(tiny).optListener(display)
          .optFitListener(display.fitListener()).optTrainingListener(display.trainingListener()).build().run();
    }
    DemoSummaryText.print(result, new PrintWriter(out, true));
    progress = err.toString();
    summary = out.toString();
  }

  @Test
  void eachStageIsAnnouncedAndTheFitAndTrainingShowTheirProgressLines() {
    assertThat(progress).contains("[1/7] prepare the data and the targets: generating the demo table: 300 rows, seed 0",
        "[2/7] fit the CTGAN: 2 epochs on 300 rows, batch 100", "epoch 1/2  generator", "epoch 2/2  generator",
        "[2/7] done in ", "[4/7] train the Shifter: 3 target entries, at most 20 steps of 200 rows",
        "step 1/20  loss ", "[7/7] write the report: ", "[7/7] done in ");
    assertThat(progress.indexOf("[2/7] done")).isLessThan(progress.indexOf("[3/7] sample"));
  }

  @Test
  void theSummaryListsEachTargetTheQualityAndTheFilesWithTheReportLast() {
    assertThat(summary).contains("Demo done in ", "on demo table (300 rows, seed 0).",
        "entry", "target", "data", "unshifted", "reached", "within tolerance",
        "skewness[income]", "cor[age~income]", "mean[spend]",
        "of 3 entries within tolerance",
        "detection score", "mean KS complement", "mean TV complement", "F1 for 'churned' (trained on real: ",
        "data.csv", "target.json", "model/", "synthetic.csv", "shifter/", "shifted.csv", "summary.json");
    List<String> lines = summary.lines().toList();
    assertThat(lines.get(lines.size() - 1)).isEqualTo("Report: " + dir.resolve("demo").resolve("report.html"));
  }

  @Test
  void theHelpDescribesTheJobTheFilesAndGivesExamples() {
    CliRun run = CliRun.of("demo", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: shifter demo", "--quick", "--data=FILE", "--target=FILE", "--seed=N",
        "--out=DIR", "demo-output", "report.html", "summary.json", "Examples:", "shifter demo --quick",
        "shifter demo --data adult.csv --target target.json", "Exit codes:");
  }

  @Test
  void theMainHelpListsTheDemo() {
    CliRun run = CliRun.of("--help");

    assertThat(run.out()).contains("demo");
  }

  @Test
  void aBadOptionIsBadUsage() {
    CliRun run = CliRun.of("demo", "--seed", "many");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("shifter: error: ", "--seed");
  }

  @Test
  void aMissingDataFileOrTargetFileIsBadInputAndNothingIsWritten() {
    Path out = dir.resolve("never");

    CliRun noData = CliRun.of("demo", "--data", dir.resolve("missing.csv").toString(), "--out", out.toString());
    CliRun noTarget = CliRun.of("demo", "--target", dir.resolve("missing.json").toString(), "--out", out.toString());

    assertThat(noData.exitCode()).as(noData.toString()).isEqualTo(ExitCode.INPUT.code());
    assertThat(noData.err()).contains("missing.csv");
    assertThat(noTarget.exitCode()).as(noTarget.toString()).isEqualTo(ExitCode.INPUT.code());
    assertThat(noTarget.err()).contains("Target file ", "does not exist");
    assertThat(out).doesNotExist();
  }

  @Test
  void aLabelThatIsNotCategoricalIsBadInputBeforeTheFit() {
    Path out = dir.resolve("bad-label");

    CliRun run = CliRun.of("demo", "--label", "income", "--out", out.toString(), "--progress", "none");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INPUT.code());
    assertThat(run.err()).contains("shifter: error: The label 'income' is not a categorical column");
    assertThat(out.resolve("model")).doesNotExist();
  }

  @Test
  void anOutputFolderWithOtherFilesIsRefused() throws Exception {
    Path busy = Files.createDirectories(dir.resolve("busy"));
    Files.writeString(busy.resolve("keep.txt"), "mine");

    CliRun run = CliRun.of("demo", "--out", busy.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT.code());
    assertThat(run.err()).contains("holds files that a demo run does not write (keep.txt)");
  }
}
