package dev.shifter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shifter.io.Tables;
import dev.shifter.report.ReportJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  @TempDir
  static Path dir;
  private static Path real;
  private static Path synthetic;
  private static Path shifted;
  private static Path target;
  private static Path model;
  private static Path shifter;

  @BeforeAll
  static void runTheJob() throws Exception {
    try (BufferAllocator allocator = new RootAllocator();
        ReportJob job = ReportJob.run(dir, allocator)) {
      real = dir.resolve("real.csv");
      synthetic = dir.resolve("synthetic.csv");
      shifted = dir.resolve("shifted.arrow");
      Tables.write(job.real(), real);
      Tables.write(job.synthetic(), synthetic);
      Tables.write(job.shifted(), shifted);
      model = job.model();
      shifter = job.shifter();
    }
    target = Files.writeString(dir.resolve("target.json"), ReportJob.TARGETS);
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  @Test
  void reportWritesTheFileAndPrintsItsPath() throws Exception {
    Path out = dir.resolve("report.html");

    CliRun run = CliRun.of("report", "--real", real.toString(), "--synthetic", synthetic.toString(), "--shifted",
        shifted.toString(), "--target", target.toString(), "--label", "y", "--model", model.toString(), "--shifter",
        shifter.toString(), "--title", "Job & report", "--out", out.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo(out + System.lineSeparator());
    assertThat(run.err()).matches("shifter: note: wrote the report: 7 sections, 15 images, [0-2] of 2 target "
        + "entries within tolerance\\.\\R");
    String html = Files.readString(out);
    assertThat(html).contains("<title>Job &amp; report</title>", "real: real.csv", "shifted: shifted.arrow",
        "<section id=\"training\">", "<h3>CTGAN</h3>", "<h3>Shifter</h3>", "mean[x]", "cor[x~z]");
    assertThat(count(html, "<img ")).isEqualTo(15);
  }

  @Test
  void classAwareTargetsAreMeasuredWithTheLabelInTheMetaFeatureTable() throws Exception {
    Path shares = Files.writeString(dir.resolve("shares.json"), "{\"freq\": {\"c=a\": 0.4, \"y=yes\": 0.3}, "
        + "\"class_ent\": {\"value\": 0.9}}");
    Path out = dir.resolve("class-aware.html");

    CliRun run = CliRun.of("report", "--real", real.toString(), "--synthetic", synthetic.toString(), "--shifted",
        shifted.toString(), "--target", shares.toString(), "--label", "y", "--out", out.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    String html = Files.readString(out);
    assertThat(html).contains("freq[c=a]", "freq[y=yes]", "class_ent[value]",
        "its categorical columns and label &#39;y&#39;");
    String table = html.substring(html.indexOf("its categorical columns and label"));
    String row = table.substring(table.indexOf("freq[c=a]"), table.indexOf("freq[y=yes]"));
    assertThat(row).as("the real table's share of c=a, about 0.5").containsPattern("0\\.[45]\\d{3}");
  }

  @Test
  void withoutTargetsTheShifterDirectorysTargetsAreShown() throws Exception {
    Path out = dir.resolve("from-shifter.html");

    CliRun run = CliRun.of("report", "--real", real.toString(), "--synthetic", synthetic.toString(), "--shifted",
        shifted.toString(), "--shifter", shifter.toString(), "--out", out.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(Files.readString(out)).contains("mean[x]", "The targets are those the Shifter was trained for.");
  }

  @Test
  void helpDescribesEveryOptionWithExamples() {
    CliRun run = CliRun.of("report", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: shifter report", "--real=FILE", "--synthetic=FILE", "--shifted=FILE",
        "--target=FILE", "--label=COLUMN", "--model=DIR", "--shifter=DIR", "--out=FILE", "--title=TEXT", "--seed=N",
        "--discrete", "--plugins", "--verbose", "Examples:", "shifter report --real adult.csv", "Exit codes:");
    assertThat(CliRun.of("--help").out()).contains("report");
  }

  @Test
  void badInputIsOneLineWithTheInputExitCode() throws Exception {
    Path other = Files.writeString(dir.resolve("other.csv"), "x,q\n1,2\n3,4\n5,6\n");
    Path out = dir.resolve("never.html");

    CliRun run = CliRun.of("report", "--real", real.toString(), "--synthetic", other.toString(), "--out",
        out.toString());
    CliRun missing = CliRun.of("report", "--real", real.toString(), "--synthetic", dir.resolve("nope.csv").toString(),
        "--out", out.toString());
    CliRun noModel = CliRun.of("report", "--real", real.toString(), "--synthetic", synthetic.toString(), "--model",
        dir.resolve("no-model").toString(), "--out", out.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INPUT.code());
    assertThat(run.err().lines().toList()).hasSize(1).first().asString()
        .startsWith("shifter: error: The synthetic table's columns differ from the real table's:")
        .contains("'z' is missing", "'q' is not in the real table");
    assertThat(missing.exitCode()).isEqualTo(ExitCode.INPUT.code());
    assertThat(missing.err()).contains("nope.csv");
    assertThat(noModel.exitCode()).isEqualTo(ExitCode.INPUT.code());
    assertThat(noModel.err()).contains("The model directory " + dir.resolve("no-model") + " does not exist");
    assertThat(out).doesNotExist();
  }

  @Test
  void missingOptionsAreBadUsage() {
    CliRun run = CliRun.of("report", "--real", real.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("Missing required options", "--synthetic=FILE", "--out=FILE",
        "Run 'shifter report --help' for usage.");
    assertThat(List.of(run.out())).containsExactly("");
  }
}
