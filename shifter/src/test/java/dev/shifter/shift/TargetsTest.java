package dev.shifter.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.Remedy;
import dev.shifter.api.Remedy.Setting;
import dev.shifter.api.ShifterException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetsTest {
  private static final MetaFeatureRegistry REGISTRY = MetaFeatureRegistry.loadInstalled();
  private static final List<String> COLUMNS = List.of("age", "ratio", "income");

  private static void validate(String json) {
    Targets.parse(json).validate(REGISTRY, COLUMNS);
  }

  @Test
  void theDesignDocumentsShapeParsesIntoEntriesInFileOrder() {
    Targets targets = Targets.parse("{\"skewness\": {\"age\": 1.5}, \"cor\": {\"age~income\": 0.4}}");

    assertThat(targets.isRange()).isFalse();
    assertThat(targets.entries()).containsExactly(TargetEntry.fixed("skewness", "age", 1.5),
        TargetEntry.fixed("cor", "age~income", 0.4));
    targets.validate(REGISTRY, COLUMNS);
  }

  @Test
  void aRangeFileHasIntervalsAndMayMixInFixedEntries() {
    Targets range = Targets.parseRange("{\"mean\": {\"age\": [35, 45], \"ratio\": 0.2}}");

    assertThat(range.isRange()).isTrue();
    assertThat(range.entries()).containsExactly(TargetEntry.range("mean", "age", 35, 45),
        TargetEntry.fixed("mean", "ratio", 0.2));
    assertThat(range.midpoint().entries()).containsExactly(TargetEntry.fixed("mean", "age", 40),
        TargetEntry.fixed("mean", "ratio", 0.2));
  }

  @Test
  void targetsSurviveAJsonRoundTrip() {
    Targets range = Targets.parseRange("{\"mean\": {\"age\": [35, 45]}, \"cor\": {\"age~ratio\": 0.5}}");

    assertThat(Targets.parseRange(range.toJson())).isEqualTo(range);
  }

  @Test
  void anUnknownFeatureIsRefusedWithTheKnownOnesListed() {
    assertThatThrownBy(() -> validate("{\"skewnes\": {\"age\": 1}}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Unknown meta-feature 'skewnes' in skewnes[age]")
        .hasMessageContaining("Known meta-features: ")
        .hasMessageContaining("skewness");
  }

  @Test
  void anUnknownColumnIsRefusedWithTheContinuousColumnsListed() {
    assertThatThrownBy(() -> validate("{\"mean\": {\"group\": 1}}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Unknown column 'group' in mean[group]")
        .hasMessageContaining("The continuous columns are: age, ratio, income");
  }

  @Test
  void aCorrelationAboveOneIsRefused() {
    assertThatThrownBy(() -> validate("{\"cor\": {\"age~ratio\": 1.2}}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cor[age~ratio] = 1.2 is impossible")
        .hasMessageContaining("between 0 and 1");
  }

  @Test
  void aCorrelationRangeReachingBelowMinusOneIsRefused() {
    assertThatThrownBy(() -> Targets.parseRange("{\"cor\": {\"age~ratio\": [-1.5, 0.5]}}").validate(REGISTRY, COLUMNS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cor[age~ratio] in [-1.5, 0.5] is impossible");
  }

  @Test
  void negativeSpreadsAreRefused() {
    for (String feature : List.of("sd", "var", "iq_range")) {
      assertThatThrownBy(() -> validate("{\"" + feature + "\": {\"age\": -1}}"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(feature + "[age] = -1.0 is impossible: " + feature + " is never negative");
    }
  }

  @Test
  void aPairInTheWrongOrderIsRefusedWithTheRightOrder() {
    assertThatThrownBy(() -> validate("{\"cor\": {\"income~age\": 0.3}}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cor[income~age]: pairs are written in column order; write it as \"age~income\"");
  }

  @Test
  void aPairFeatureKeyedByOneColumnIsRefused() {
    assertThatThrownBy(() -> validate("{\"cor\": {\"age\": 0.3}}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("name a pair as \"a~b\", e.g. \"age~ratio\"");
  }

  @Test
  void aRangeWithLowAboveHighIsRefusedWithTheFix() {
    assertThatThrownBy(() -> Targets.parseRange("{\"mean\": {\"age\": [45, 35]}}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("the range of mean[age] is [45, 35], low > high. Write it as [35, 45]");
  }

  @Test
  void aScalarFeatureMustBeKeyedValue() {
    MetaFeatureRegistry registry = MetaFeatureRegistry.loadInstalled();
    assertThat(registry.find("fixture_rows")).isPresent();

    assertThatThrownBy(() -> Targets.parse("{\"fixture_rows\": {\"age\": 10}}").validate(registry, COLUMNS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("fixture_rows is a single value for the whole table; key it \"value\"");
    Targets.parse("{\"fixture_rows\": {\"value\": 10}}").validate(registry, COLUMNS);
  }

  @Test
  void measureOnlyAndWholeTableFeaturesAreRefusedAsTargetsWithWhatToDoInstead() {
    MetaFeatureRegistry registry = MetaFeatureRegistry.loadInstalled();

    assertThatThrownBy(() -> Targets.parse("{\"nr_attr\": {\"value\": 5}}").validate(registry, COLUMNS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("nr_attr is measure-only", "class_ent or freq");
    assertThatThrownBy(() -> Targets.parse("{\"class_ent\": {\"value\": 0.9}}").validate(registry, COLUMNS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("class_ent is a meta-feature of the whole table");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(() -> validate("{\"mean\": {\"nope\": 1}, \"sd\": {\"age\": -2}, \"cor\": {\"ratio~age\": 0.1}}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("3 problems with the targets:")
        .hasMessageContaining("Unknown column 'nope'")
        .hasMessageContaining("sd is never negative")
        .hasMessageContaining("write it as \"age~ratio\"");
  }

  @Test
  void anIntervalInAFixedTargetFileAsksForTheRangeOption() {
    assertThatThrownBy(() -> Targets.parse("{\"mean\": {\"age\": [1, 2]}}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Targets.readRange").hasMessageNotContaining("--")
        .extracting(e -> ((ShifterException) e).remedies()).asList().containsExactly(Remedy.set(Setting.TARGET_RANGE));
  }

  @Test
  void malformedFilesAreRefusedWithTheirNameAndPosition(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("t.json"), "{\"mean\": {\"age\": 1,}}");

    assertThatThrownBy(() -> Targets.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Target file " + file + " is not valid JSON")
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> Targets.read(dir.resolve("missing.json")))
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> Targets.parse("{\"mean\": {\"age\": 1, \"age\": 2}}"))
        .hasMessageContaining("Duplicate field 'age'");
    assertThatThrownBy(() -> Targets.parse("{\"mean\": 3}"))
        .hasMessageContaining("must be an object of entries");
    assertThatThrownBy(() -> Targets.parse("{}"))
        .hasMessageContaining("No target given");
  }
}
