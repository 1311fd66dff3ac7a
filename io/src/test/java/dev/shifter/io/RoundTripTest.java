package dev.shifter.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shifter.api.ColumnKind;
import dev.shifter.api.ColumnSpec;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoundTripTest {
  private static final double[] NUMBERS = {
    0.1, -3, 500001, 1e-20, Float.MAX_VALUE, 123456789012345678.0, -0.0, Double.NaN, 41.0, 1.0 / 3, -2.5e-7
  };
  /** Labels that a reader could mistake for something else: {@code ?}, {@code NA} and {@code NaN} are categories. */
  private static final String[] LABELS = {
    "plain", "a, b", "q\"uote", "line\nbreak", "ünïcødé", null, "  padded  ", "?", "NA", "NaN", "-"
  };

  private final BufferAllocator allocator = new RootAllocator();

  @TempDir
  Path dir;

  @AfterEach
  void checkNoLeak() {
    allocator.close();
  }

  private Table sample() {
    return new TableBuilder(allocator)
        .addContinuous("value, in units", NUMBERS)
        .addCategorical("label", LABELS)
        .addContinuous("other", new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, Double.NaN})
        .build();
  }

  static void assertSameTable(Table actual, Table expected) {
    assertThat(actual.columns()).isEqualTo(expected.columns());
    assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
    for (ColumnSpec column : expected.columns()) {
      for (int row = 0; row < expected.rowCount(); row++) {
        if (column.kind() == ColumnKind.CONTINUOUS) {
          assertThat(actual.continuousValue(column.name(), row)).as("%s row %d", column.name(), row)
              .isEqualTo(expected.continuousValue(column.name(), row));
        } else {
          assertThat(actual.categoricalValue(column.name(), row)).as("%s row %d", column.name(), row)
              .isEqualTo(expected.categoricalValue(column.name(), row));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"t.csv", "t.arrow", "t.feather", "t.ipc", "T.CSV", "t.parquet", "t.pq"})
  void writingThenReadingGivesTheSameTable(String fileName) {
    Path file = dir.resolve(fileName);
    try (Table original = sample()) {
      Tables.write(original, file);
      try (Table back = Tables.read(file, allocator)) {
        assertSameTable(back, original);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"codes.csv", "codes.arrow", "codes.parquet"})
  void aCategoricalColumnOfNumberLikeLabelsComesBackWhenDeclaredDiscrete(String fileName) {
    Path file = dir.resolve(fileName);
    try (Table original = new TableBuilder(allocator)
        .addCategorical("code", new String[] {"1", "2", "10", null, "2"})
        .addContinuous("x", new double[] {1, 2, 3, 4, 5})
        .build()) {
      Tables.write(original, file);
      try (Table back = Tables.read(file, allocator, ReadOptions.builder().optDiscrete(List.of("code")).build())) {
        assertSameTable(back, original);
      }
    }
  }

  @Test
  void aTableWrittenInBatchesIsTheSameCsvAsTheWholeTable() throws IOException {
    Path whole = dir.resolve("whole.csv");
    Path batched = dir.resolve("batched.csv");
    try (Table original = sample()) {
      Tables.write(original, whole);
      writeInTwoBatches(original, batched);
    }
    assertThat(Files.readAllBytes(batched)).isEqualTo(Files.readAllBytes(whole));
  }

  @Test
  void anArrowFileWrittenInBatchesReadsBackAsTheWholeTable() {
    Path batched = dir.resolve("batched.arrow");
    try (Table original = sample()) {
      writeInTwoBatches(original, batched);
      try (Table back = Tables.read(batched, allocator)) {
        assertSameTable(back, original);
      }
    }
  }

  @Test
  void aParquetFileWrittenInBatchesReadsBackAsTheWholeTableAndTheArrowFile() {
    Path parquet = dir.resolve("batched.parquet");
    Path arrow = dir.resolve("same.arrow");
    try (Table original = sample()) {
      writeInTwoBatches(original, parquet);
      Tables.write(original, arrow);
      try (Table back = Tables.read(parquet, allocator); Table viaArrow = Tables.read(arrow, allocator)) {
        assertSameTable(back, original);
        assertSameTable(back, viaArrow);
      }
    }
  }

  @Test
  void aParquetWriterClosedWithoutCommitLeavesThePreviousFileAndNothingElse() throws IOException {
    Path file = dir.resolve("t.parquet");
    Files.writeString(file, "old\n");
    try (Table original = sample(); TableWriter writer = Tables.openWriter(file)) {
      writer.write(original);
    }
    assertThat(Files.readString(file)).isEqualTo("old\n");
    try (Stream<Path> entries = Files.list(dir)) {
      assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("t.parquet");
    }
  }

  private void writeInTwoBatches(Table table, Path file) {
    try (TableWriter writer = Tables.openWriter(file);
        Table first = table.takeRows(allocator, new int[] {0, 1, 2, 3});
        Table rest = table.takeRows(allocator, new int[] {4, 5, 6, 7, 8, 9, 10})) {
      writer.write(first);
      writer.write(rest);
      writer.commit();
    }
  }

  @Test
  void aWriterClosedWithoutCommitLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, "old\n");
    try (Table original = sample(); TableWriter writer = Tables.openWriter(file)) {
      writer.write(original);
    }
    assertThat(Files.readString(file)).isEqualTo("old\n");
    try (Stream<Path> entries = Files.list(dir)) {
      assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("t.csv");
    }
  }

  @Test
  void csvPrintsIntegralValuesWithoutAFraction() throws IOException {
    Path file = dir.resolve("t.csv");
    try (Table original = sample()) {
      Tables.write(original, file);
    }

    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).isEqualTo("\"value, in units\",label,other");
    assertThat(lines.get(1)).isEqualTo("0.1,plain,1");
    assertThat(lines.get(2)).isEqualTo("-3,\"a, b\",2");
    assertThat(lines.get(3)).isEqualTo("500001,\"q\"\"uote\",3");
    assertThat(String.join("\n", lines)).contains("1.0E-20,\"line\nbreak\",4", "ünïcødé,5",
        ",,6", "\n-0,  padded  ,7", "\n,?,8", "\n41,NA,9", "\n-2.5E-7,-,");
  }

  @Test
  void arrowKeepsLabelsThatCsvCannotTellFromNumbersOrMissingValues() {
    Path file = dir.resolve("t.arrow");
    try (Table original = new TableBuilder(allocator)
        .addCategorical("class", new String[] {"1", "2", "?", "", null})
        .addContinuous("x", new double[] {1, 2, 3, 4, 5})
        .build()) {
      Tables.write(original, file);
      try (Table back = Tables.read(file, allocator)) {
        assertSameTable(back, original);
      }
    }
  }

  @Test
  void anAtomicWriteLeavesNoTemporaryFileAndReplacesTheOldFile() throws IOException {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, "old content\n");

    try (Table table = sample()) {
      Tables.write(table, file);
      Tables.write(table, dir.resolve("t.arrow"));
    }

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("t.csv", "t.arrow");
    }
    assertThat(Files.readString(file)).startsWith("\"value, in units\"");
  }

  @Test
  void writingIntoAMissingDirectoryFailsClearly() {
    Path file = dir.resolve("no-such-dir").resolve("t.csv");
    try (Table table = sample()) {
      assertThatThrownBy(() -> Tables.write(table, file))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("does not exist");
    }
    assertThat(Files.exists(file.getParent())).isFalse();
  }

  @Test
  void writingWithAnUnknownExtensionFailsBeforeCreatingAFile() throws IOException {
    try (Table table = sample()) {
      assertThatThrownBy(() -> Tables.write(table, dir.resolve("t.xlsx")))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("Supported extensions: .csv, .arrow, .feather, .ipc");
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
