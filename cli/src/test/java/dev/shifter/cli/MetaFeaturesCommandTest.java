package dev.shifter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shifter.api.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaFeaturesCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Path small;

  @BeforeEach
  void writeData() throws IOException {
    small = write("small.csv", """
        a,label,b,c
        1,x,10,100
        2,y,20,200
        3,x,30,300
        4,y,40,400
        """);
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private static JsonNode json(CliRun run) throws IOException {
    return JSON.readTree(run.out());
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void jsonHasOneObjectPerFeatureKeyedByContinuousColumnsInFileOrder() throws IOException {
    CliRun run = CliRun.of("metafeatures", "--data", small.toString(),
        "--features", "fixture_mean,fixture_pair_sum,fixture_rows", "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode root = json(run);
    assertThat(keys(root)).containsExactly("fixture_mean", "fixture_pair_sum", "fixture_rows");
    assertThat(keys(root.get("fixture_mean"))).containsExactly("a", "b", "c");
    assertThat(root.get("fixture_mean").get("a").asDouble()).isCloseTo(2.5, within(1e-6));
    assertThat(root.get("fixture_mean").get("c").asDouble()).isCloseTo(250, within(1e-4));
    assertThat(keys(root.get("fixture_pair_sum"))).containsExactly("a~b", "a~c", "b~c");
    assertThat(root.get("fixture_pair_sum").get("b~c").asDouble()).isCloseTo(275, within(1e-4));
    assertThat(keys(root.get("fixture_rows"))).containsExactly("value");
    assertThat(root.get("fixture_rows").get("value").asDouble()).isEqualTo(4);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void featuresArePrintedInTheOrderRequested() throws IOException {
    CliRun run = CliRun.of("metafeatures", "--data", small.toString(),
        "--features", "fixture_rows", "--features", "fixture_mean,fixture_rows", "--format", "JSON");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(keys(json(run))).containsExactly("fixture_rows", "fixture_mean");
  }

  @Test
  void rowsWithAMissingContinuousValueAreDroppedAndCountedOnStandardError() throws IOException {
    Path data = write("missing.csv", """
        a,b,label
        1,10,x
        ,20,y
        3,?,x
        4,40,
        5,50,z
        """);

    CliRun run = CliRun.of("metafeatures", "--data", data.toString(), "--features", "fixture_rows,fixture_mean",
        "--format", "json", "--missing", "?");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).contains("2 of 5 rows have a missing value");
    JsonNode root = json(run);
    assertThat(root.get("fixture_rows").get("value").asDouble()).isEqualTo(3);
    assertThat(root.get("fixture_mean").get("a").asDouble()).isCloseTo(10.0 / 3, within(1e-5));
    assertThat(run.out()).doesNotContain("missing");
  }

  @Test
  void theDefaultOutputIsAnAlignedTableWithPairLabels() {
    CliRun run = CliRun.of("metafeatures", "--data", small.toString(),
        "--features", "fixture_mean,fixture_pair_sum,fixture_rows");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).startsWith("feature").contains("column").endsWith("value");
    assertThat(lines).hasSize(1 + 3 + 3 + 1);
    assertThat(lines.stream().map(String::length).distinct()).as("values are right-aligned").hasSize(1);
    assertThat(lines.get(1)).startsWith("fixture_mean").contains(" a ").endsWith(" 2.5");
    assertThat(lines.get(2)).startsWith(" ").contains(" b ").endsWith(" 25");
    assertThat(lines.get(4)).startsWith("fixture_pair_sum").contains(" a~b ").endsWith(" 27.5");
    assertThat(lines.get(7)).startsWith("fixture_rows").contains("(table)").endsWith(" 4");
  }

  @Test
  void theDiscreteOptionKeepsANumericColumnOutOfTheMetaFeatures() throws IOException {
    CliRun run = CliRun.of("metafeatures", "--data", small.toString(), "--features", "fixture_mean",
        "--discrete", "b", "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(keys(json(run).get("fixture_mean"))).containsExactly("a", "c");
  }

  @Test
  void listShowsEveryFeatureWithArityProviderJarAndDescription() {
    CliRun run = CliRun.of("metafeatures", "--list");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out().lines().findFirst()).hasValueSatisfying(header ->
        assertThat(header).contains("feature", "arity", "provider", "jar", "description"));
    assertThat(run.out()).containsPattern("fixture_mean +per column +fixture +\\S+ +column means \\(test fixture\\)");
    assertThat(run.out()).containsPattern("fixture_pair_sum +per pair ");
    assertThat(run.out()).containsPattern("fixture_rows +scalar ");
  }

  @Test
  void listAsJsonIsAnArrayOfFeatures() throws IOException {
    CliRun run = CliRun.of("metafeatures", "--list", "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode root = json(run);
    assertThat(root.isArray()).isTrue();
    JsonNode mean = null;
    for (JsonNode entry : root) {
      if (entry.get("name").asText().equals("fixture_mean")) {
        mean = entry;
      }
    }
    assertThat(mean).isNotNull();
    assertThat(mean.get("arity").asText()).isEqualTo("per column");
    assertThat(mean.get("provider").asText()).isEqualTo("fixture");
    assertThat(mean.get("description").asText()).isEqualTo("column means (test fixture)");
  }

  @Test
  void anUnknownFeatureIsAnInputErrorThatListsTheKnownNames() {
    CliRun run = CliRun.of("metafeatures", "--data", small.toString(), "--features", "fixture_mean,nope");

    assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT.code()).isEqualTo(3);
    assertThat(run.err()).startsWith("shifter: error: ").contains("'nope'").contains("fixture_mean", "fixture_rows");
    assertThat(run.err().lines().count()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aMissingDataFileIsAnInputError() {
    CliRun run = CliRun.of("metafeatures", "--data", dir.resolve("absent.csv").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT.code());
    assertThat(run.err()).startsWith("shifter: error: ").contains("absent.csv").contains("no such file");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aTableWithoutContinuousColumnsIsAnInputError() throws IOException {
    Path data = write("text.csv", "name,colour\nann,red\nbob,blue\n");

    CliRun run = CliRun.of("metafeatures", "--data", data.toString(), "--features", "fixture_mean");

    assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT.code());
    assertThat(run.err()).contains("text.csv, line 1").contains("no continuous column").contains("name, colour");
  }

  @Test
  void dataIsRequiredUnlessListing() {
    CliRun run = CliRun.of("metafeatures", "--features", "fixture_mean");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("shifter: error: Missing required option '--data=FILE'");
  }

  @Test
  void aPluginFolderThatDoesNotExistIsAUsageError() {
    CliRun run = CliRun.of("metafeatures", "--list", "--plugins", dir.resolve("nowhere").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).startsWith("shifter: error: --plugins ").contains("nowhere").contains("no such folder");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    CliRun run = CliRun.of("metafeatures", "--data", small.toString(), "--format", "xml");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).startsWith("shifter: error: ").contains("--format");
  }

  @Test
  void noCommandIsAUsageErrorAndHelpIsNot() {
    assertThat(CliRun.of().exitCode()).isEqualTo(ExitCode.USAGE.code());
    CliRun help = CliRun.of("metafeatures", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("--data", "--features", "--format", "--discrete", "--continuous", "--plugins",
        "--list");
  }

  @Test
  void aRequestedFeatureThatFailsGivesThePluginExitCodeAfterPrintingTheOthers() throws IOException {
    CliRun run = CliRun.of("metafeatures", "--data", small.toString(), "--features", "fixture_broken,fixture_rows",
        "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PLUGIN.code()).isEqualTo(4);
    assertThat(keys(json(run))).containsExactly("fixture_rows");
    assertThat(run.err()).contains("shifter: warning: meta-feature 'fixture_broken' was left out")
        .contains("fixture_broken always fails")
        .contains("shifter: error: requested meta-feature fixture_broken failed");
  }

  @Test
  void aFeatureThatFailsWithoutBeingRequestedIsOnlyAWarning() throws IOException {
    CliRun run = CliRun.of("metafeatures", "--data", small.toString(), "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(keys(json(run))).contains("fixture_mean", "fixture_rows").doesNotContain("fixture_broken");
    assertThat(run.err()).contains("shifter: warning: meta-feature 'fixture_broken' was left out")
        .doesNotContain("error:");
  }

  @Test
  void whenNothingCanBeComputedTheExitCodeIsThatOfTheFailure() {
    CliRun run = CliRun.of("metafeatures", "--data", small.toString(), "--features", "fixture_broken");

    assertThat(run.exitCode()).isEqualTo(ExitCode.PLUGIN.code());
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("shifter: error: no meta-feature could be computed");
  }

  @Test
  void aNonFiniteValueIsPrintedAsNullWithAWarning() throws IOException {
    CliRun run = CliRun.of("metafeatures", "--data", small.toString(), "--features", "fixture_nan",
        "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(json(run).get("fixture_nan").get("value").isNull()).isTrue();
    assertThat(run.err()).contains("shifter: warning: fixture_nan[value] is NaN (printed as null in JSON)")
        .contains("report it to the authors of the plug-in 'fixture'");
  }

  @Test
  void stackTracesAppearOnlyWithVerbose() {
    String missing = dir.resolve("absent.csv").toString();
    CliRun quiet = CliRun.of("metafeatures", "--data", missing);
    CliRun verbose = CliRun.of("metafeatures", "--verbose", "--data", missing);
    CliRun verboseFirst = CliRun.of("--verbose", "metafeatures", "--data", missing);

    assertThat(quiet.err()).doesNotContain("\tat ");
    assertThat(verbose.err()).contains("InvalidInputException").contains("\tat ");
    assertThat(verboseFirst.err()).contains("\tat ");
    assertThat(verbose.exitCode()).isEqualTo(quiet.exitCode()).isEqualTo(ExitCode.INPUT.code());
  }

  @Test
  void californiaHousingLosesItsRowsWithoutABedroomCount() throws IOException {
    Path file = SharedData.require("california_housing.csv");

    CliRun run = CliRun.of("metafeatures", "--data", file.toString(), "--features", "fixture_rows,fixture_mean",
        "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).contains("207 of 20640 rows have a missing value");
    JsonNode root = json(run);
    assertThat(root.get("fixture_rows").get("value").asDouble()).isEqualTo(20_433);
    assertThat(keys(root.get("fixture_mean"))).hasSize(9).doesNotContain("ocean_proximity");
  }

  @Test
  void everyInstalledFeatureOfIrisIsKeyedByColumnsPairsOrValue() throws IOException {
    Path file = SharedData.require("iris.csv");
    List<String> columns = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      for (int j = i + 1; j < columns.size(); j++) {
        pairs.add(columns.get(i) + "~" + columns.get(j));
      }
    }

    CliRun run = CliRun.of("metafeatures", "--data", file.toString(), "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode root = json(run);
    assertThat(keys(root)).contains("fixture_mean", "fixture_pair_sum", "fixture_rows");
    List<String> attributes = new ArrayList<>(columns);
    attributes.add("species");
    List<String> orderedPairs = new ArrayList<>();
    for (String a : attributes) {
      for (String b : attributes) {
        if (!a.equals(b)) {
          orderedPairs.add(a + "~" + b);
        }
      }
    }
    for (String feature : keys(root)) {
      assertThat(keys(root.get(feature))).as(feature).satisfiesAnyOf(
          entries -> assertThat(entries).isEqualTo(columns),
          entries -> assertThat(entries).isEqualTo(pairs),
          entries -> assertThat(entries).isEqualTo(orderedPairs),
          entries -> assertThat(entries).isEqualTo(attributes),
          entries -> assertThat(entries).isEqualTo(
              List.of("species=setosa", "species=versicolor", "species=virginica")),
          entries -> assertThat(entries).isEqualTo(List.of("value")));
    }
    assertThat(run.err()).contains("class-aware meta-features were left out", "--label COLUMN");
  }

  @Test
  void withALabelTheClassAwareFeaturesOfIrisAreKeyedByAttributeAndClassPair() throws IOException {
    Path file = SharedData.require("iris.csv");

    CliRun run = CliRun.of("metafeatures", "--data", file.toString(), "--label", "species", "--format", "json",
        "--features", "class_ent,mut_inf,f2,freq,nr_attr");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode root = json(run);
    assertThat(root.get("class_ent").get("value").asDouble()).isCloseTo(1.584962500721156, within(1e-5));
    assertThat(keys(root.get("mut_inf"))).containsExactly("sepal_length", "sepal_width", "petal_length",
        "petal_width");
    assertThat(keys(root.get("f2"))).containsExactly("setosa~versicolor", "setosa~virginica",
        "versicolor~virginica");
    assertThat(root.get("freq").get("species=setosa").asDouble()).isCloseTo(1.0 / 3, within(1e-6));
    assertThat(root.get("nr_attr").get("value").asDouble()).isEqualTo(4);
  }

  @Test
  void aClassAwareFeatureAskedForWithoutALabelIsABadUsageThatNamesTheOption() throws IOException {
    Path file = SharedData.require("iris.csv");

    CliRun run = CliRun.of("metafeatures", "--data", file.toString(), "--features", "mean,class_ent");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("class_ent", "needs the label column", "--label COLUMN");
  }

  @Test
  void theContextClassLoaderIsRestoredAfterARun() {
    ClassLoader before = Thread.currentThread().getContextClassLoader();

    CliRun.of("metafeatures", "--list");

    assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
  }
}
