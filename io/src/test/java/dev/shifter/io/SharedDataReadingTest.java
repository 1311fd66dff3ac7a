package dev.shifter.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shifter.api.ColumnKind;
import dev.shifter.api.Table;
import dev.shifter.api.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real data sets of ../shared/data; each test is skipped when its file is absent. */
class SharedDataReadingTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void checkNoLeak() {
    allocator.close();
  }

  @Test
  void californiaHousingHasNineContinuousColumnsAnd207MissingBedroomCounts() {
    Path file = SharedData.require("california_housing.csv");

    try (Table table = Tables.read(file, allocator)) {
      assertThat(table.rowCount()).isEqualTo(20_640);
      assertThat(table.continuousColumnNames()).containsExactly("longitude", "latitude", "housing_median_age",
          "total_rooms", "total_bedrooms", "population", "households", "median_income", "median_house_value");
      assertThat(table.categoricalColumnNames()).containsExactly("ocean_proximity");
      assertThat(table.continuous("total_bedrooms").getNullCount()).isEqualTo(207);
      assertThat(table.continuous("median_house_value").getNullCount()).isZero();
      assertThat(table.categoricalValue("ocean_proximity", 0)).isEqualTo("NEAR BAY");
      assertThat(table.continuousValue("longitude", 0)).isEqualTo(-122.23);
    }
  }

  @Test
  void adultKeepsItsQuestionMarksAsACategoryUnlessToldTheyAreMissing() {
    Path file = SharedData.require("adult.csv");

    try (Table table = Tables.read(file, allocator);
        Table missing = Tables.read(file, allocator, ReadOptions.builder().optMissing(List.of("?")).build())) {
      assertThat(table.rowCount()).isEqualTo(32_561);
      assertThat(table.continuousColumnNames()).containsExactly("age", "fnlwgt", "education-num", "capital-gain",
          "capital-loss", "hours-per-week");
      assertThat(table.categoricalColumnNames()).hasSize(9).contains("workclass", "native-country", "income");
      assertThat(table.categorical("workclass").getNullCount()).isZero();
      assertThat(countOf(table, "workclass", "?")).isEqualTo(1_836);
      assertThat(missing.categorical("workclass").getNullCount()).isEqualTo(1_836);
      assertThat(missing.categorical("occupation").getNullCount()).isEqualTo(1_843);
      assertThat(missing.categorical("native-country").getNullCount()).isEqualTo(583);
      assertThat(missing.categorical("income").getNullCount()).isZero();
    }
  }

  private static int countOf(Table table, String column, String value) {
    int count = 0;
    for (int row = 0; row < table.rowCount(); row++) {
      count += value.equals(table.categoricalValue(column, row)) ? 1 : 0;
    }
    return count;
  }

  @Test
  void wineNeedsItsIntegerCodedClassDeclaredDiscrete() {
    Path file = SharedData.require("wine.csv");

    try (Table inferred = Tables.read(file, allocator);
        Table declared = Tables.read(file, allocator, ReadOptions.builder().optDiscrete(Set.of("class")).build())) {
      assertThat(inferred.continuousColumnNames()).hasSize(14);
      assertThat(declared.continuousColumnNames()).hasSize(13);
      assertThat(declared.column("class").kind()).isEqualTo(ColumnKind.CATEGORICAL);
      assertThat(declared.categoricalValue("class", 0)).isEqualTo("1");
    }
  }

  @Test
  void irisHasFourContinuousColumnsAndTheSpecies() {
    Path file = SharedData.require("iris.csv");

    try (Table table = Tables.read(file, allocator)) {
      assertThat(table.rowCount()).isEqualTo(150);
      assertThat(table.continuousColumnNames()).hasSize(4);
      assertThat(table.categoricalColumnNames()).containsExactly("species");
    }
  }
}
