package dev.shifter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Path real;
  private Path synthetic;

  @BeforeEach
  void writeData() throws IOException {
    real = write("real.csv", rows(400, 1));
    synthetic = write("synthetic.csv", rows(300, 2));
  }

  /** Columns: a (number), g (1, 2 or 3: a code), c (category), y (label: yes when a > 0.7). */
  private static String rows(int count, long seed) {
    Random random = new Random(seed);
    StringBuilder csv = new StringBuilder("a,g,c,y\n");
    for (int i = 0; i < count; i++) {
      double a = random.nextGaussian();
      csv.append(String.format(Locale.ROOT, "%.4f,%d,%s,%s%n", a, 1 + random.nextInt(3),
          random.nextBoolean() ? "p" : "q", a > 0.7 ? "yes" : "no"));
    }
    return csv.toString();
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void jsonHasTheRowsColumnsDetectionMarginalsAndEfficacy() throws IOException {
    CliRun run = CliRun.of("evaluate", "--real", real.toString(), "--synthetic", synthetic.toString(),
        "--label", "y", "--seed", "3", "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    JsonNode root = JSON.readTree(run.out());
    assertThat(keys(root)).containsExactly("rows", "columns", "seed", "detection", "marginals", "efficacy");
    assertThat(root.get("rows").get("real").asInt()).isEqualTo(400);
    assertThat(root.get("rows").get("synthetic").asInt()).isEqualTo(300);
    assertThat(root.get("seed").asLong()).isEqualTo(3);
    assertThat(root.get("columns").get("continuous")).extracting(JsonNode::asText).containsExactly("a", "g");
    assertThat(root.get("columns").get("categorical")).extracting(JsonNode::asText).containsExactly("c", "y");
    assertThat(keys(root.get("detection"))).containsExactly("score", "folds", "fold_auc", "encoded_features");
    assertThat(root.get("detection").get("score").asDouble()).isGreaterThan(0.8);
    assertThat(root.get("detection").get("fold_auc")).hasSize(3);
    JsonNode marginals = root.get("marginals");
    assertThat(keys(marginals)).containsExactly("ks_complement", "tv_complement", "columns");
    assertThat(keys(marginals.get("columns"))).containsExactly("a", "g", "c", "y");
    assertThat(marginals.get("columns").get("c").get("kind").asText()).isEqualTo("categorical");
    assertThat(marginals.get("columns").get("c").get("tv_complement").asDouble()).isBetween(0.8, 1.0);
    JsonNode efficacy = root.get("efficacy");
    assertThat(keys(efficacy)).containsExactly("label", "f1", "positive_class", "test", "held_out_fraction", "rows",
        "classifiers", "mean");
    assertThat(efficacy.get("positive_class").asText()).isEqualTo("yes");
    assertThat(efficacy.get("test").asText()).isEqualTo("held_out");
    assertThat(efficacy.get("rows").get("test").asInt()).isEqualTo(80);
    assertThat(keys(efficacy.get("classifiers"))).containsExactly("logistic_regression", "decision_tree");
    assertThat(keys(efficacy.get("classifiers").get("decision_tree"))).containsExactly("synthetic", "real");
    assertThat(keys(efficacy.get("mean").get("real"))).containsExactly("accuracy", "f1");
    assertThat(efficacy.get("mean").get("real").get("f1").asDouble()).isGreaterThan(0.8);
  }

  @Test
  void withoutALabelTheEfficacyIsNull() throws IOException {
    CliRun run = CliRun.of("evaluate", "--real", real.toString(), "--synthetic", synthetic.toString(),
        "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(JSON.readTree(run.out()).get("efficacy").isNull()).isTrue();
  }

  @Test
  void aGivenRealTestFileIsReportedAsGiven() throws IOException {
    Path test = write("test.csv", rows(100, 3));

    CliRun run = CliRun.of("evaluate", "--real", real.toString(), "--synthetic", synthetic.toString(),
        "--real-test", test.toString(), "--label", "y", "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode efficacy = JSON.readTree(run.out()).get("efficacy");
    assertThat(efficacy.get("test").asText()).isEqualTo("given");
    assertThat(efficacy.get("rows").get("test").asInt()).isEqualTo(100);
    assertThat(efficacy.get("rows").get("real_train").asInt()).isEqualTo(400);
  }

  @Test
  void theTableFormatPrintsTheSummaryTheColumnsAndTheEfficacy() {
    CliRun run = CliRun.of("evaluate", "--real", real.toString(), "--synthetic", synthetic.toString(),
        "--label", "y");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("(400 rows)", "(300 rows)")
        .containsPattern("detection score\\s+0\\.\\d{4}")
        .containsPattern("mean KS complement\\s+0\\.\\d{4}")
        .containsPattern("c\\s+categorical\\s+TV complement\\s+0\\.\\d{4}")
        .contains("F1 of 'yes'", "held out")
        .containsPattern("decision tree\\s+synthetic\\s+[01]\\.\\d{4}\\s+[01]\\.\\d{4}")
        .containsPattern("mean\\s+real\\s+[01]\\.\\d{4}\\s+[01]\\.\\d{4}");
  }

  @Test
  void theSyntheticFileIsReadWithTheRealFilesColumnKinds() throws IOException {
    CliRun run = CliRun.of("evaluate", "--real", real.toString(), "--synthetic", synthetic.toString(),
        "--discrete", "g", "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode columns = JSON.readTree(run.out()).get("columns");
    assertThat(columns.get("categorical")).extracting(JsonNode::asText).containsExactly("g", "c", "y");
  }

  @Test
  void differentColumnsAreBadInputWithTheDifferencesNamed() throws IOException {
    Path other = write("other.csv", "a,c,extra,y\n1,p,2,yes\n2,q,3,no\n3,p,4,no\n");

    CliRun run = CliRun.of("evaluate", "--real", real.toString(), "--synthetic", other.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INPUT.code());
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("shifter: error: The synthetic table's columns differ from the real table's")
        .contains("missing from the synthetic table: g", "not in the real table: extra");
  }

  @Test
  void aContinuousLabelIsBadInputWithTheFix() {
    CliRun run = CliRun.of("evaluate", "--real", real.toString(), "--synthetic", synthetic.toString(),
        "--label", "a");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INPUT.code());
    assertThat(run.err()).contains("'a' is continuous", "--discrete a");
  }

  @Test
  void aMissingFileIsBadInput() {
    CliRun run = CliRun.of("evaluate", "--real", real.toString(), "--synthetic", dir.resolve("none.csv").toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INPUT.code());
    assertThat(run.err()).contains("none.csv: no such file");
  }

  @Test
  void aMissingSyntheticOptionIsBadUsage() {
    CliRun run = CliRun.of("evaluate", "--real", real.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("Missing required option", "--synthetic");
  }

  @Test
  void aRealTestFileWithoutALabelIsIgnoredWithAWarning() throws IOException {
    CliRun run = CliRun.of("evaluate", "--real", real.toString(), "--synthetic", synthetic.toString(),
        "--real-test", real.toString(), "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).contains("shifter: warning: --real-test is used only");
  }
}
