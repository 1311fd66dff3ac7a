package dev.shifter.io;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadFileTest {
  private final BufferAllocator allocator = new RootAllocator();

  @TempDir
  Path dir;

  @AfterEach
  void checkNoLeak() {
    allocator.close();
  }

  private Path csv(String content) throws IOException {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertReadFails(Path file, ReadOptions options) {
    return assertThatThrownBy(() -> {
      Tables.read(file, allocator, options).close();
      throw new AssertionError("read " + file + " without error");
    }).isInstanceOf(InvalidInputException.class).hasMessageContaining(file.toString());
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertReadFails(Path file) {
    return assertReadFails(file, ReadOptions.defaults());
  }

  @Test
  void aRowWithTooFewFieldsIsReportedAtItsLineAndFirstMissingColumn() throws IOException {
    assertReadFails(csv("a,b,c\n1,2,3\n4,5\n"))
        .hasMessageContaining("line 3, column 3 ('c')")
        .hasMessageContaining("only 2 fields but the header has 3 columns");
  }

  @Test
  void aRowWithTooManyFieldsIsReportedAtItsLineAndFirstExtraColumn() throws IOException {
    assertReadFails(csv("a,b\n1,2\n\n3,4,5\n"))
        .hasMessageContaining("line 4, column 3")
        .hasMessageContaining("quote fields that contain a comma");
  }

  @Test
  void anEmptyFileHasNoHeader() throws IOException {
    assertReadFails(csv("")).hasMessageContaining("line 1").hasMessageContaining("the file is empty");
  }

  @Test
  void aFirstRowOfNumbersIsNoHeader() throws IOException {
    assertReadFails(csv("1,2\n3,4\n")).hasMessageContaining("line 1, column 1").hasMessageContaining("no header");
  }

  @Test
  void aColumnNamedTwiceIsReportedWithBothPositions() throws IOException {
    assertReadFails(csv("age,sex,age\n1,m,2\n"))
        .hasMessageContaining("line 1, column 3 ('age')")
        .hasMessageContaining("columns 1 and 3");
  }

  @Test
  void anEmptyColumnNameIsRejected() throws IOException {
    assertReadFails(csv("a,,c\n1,2,3\n")).hasMessageContaining("line 1, column 2").hasMessageContaining("empty");
  }

  @Test
  void textInAColumnDeclaredContinuousIsReportedAtItsFirstOccurrence() throws IOException {
    Path file = csv("a,b\n1,2\n2,3\n3,three\n4,four\n");

    assertReadFails(file, ReadOptions.builder().optContinuous(Set.of("b")).build())
        .hasMessageContaining("line 4, column 2 ('b')")
        .hasMessageContaining("'three' is not a number");
  }

  @Test
  void aNumberTooLargeForADoubleIsReported() throws IOException {
    assertReadFails(csv("a,b\n1,2\n1e999,3\n")).hasMessageContaining("line 3, column 1 ('a')")
        .hasMessageContaining("beyond the range of float32");
  }

  @Test
  void anUnknownColumnInTheOptionsIsReportedWithTheRealColumns() throws IOException {
    Path file = csv("age,sex\n1,m\n");

    assertReadFails(file, ReadOptions.builder().optDiscrete(Set.of("agee")).optContinuous(Set.of("height")).build())
        .hasMessageContaining("line 1")
        .hasMessageContaining("discrete column 'agee'")
        .hasMessageContaining("continuous column 'height'")
        .hasMessageContaining("The columns are: age, sex");
  }

  @Test
  void anUnclosedQuoteIsReportedWithItsLine() throws IOException {
    assertReadFails(csv("a,b\n1,2\n3,\"open\n4,5\n")).hasMessageContaining("line 3").hasMessageContaining("not valid CSV");
  }

  @Test
  void textAfterAClosingQuoteIsReportedWithItsLine() throws IOException {
    assertReadFails(csv("a,b\n1,2\n3,\"x\"y\n")).hasMessageContaining("line 3").hasMessageContaining("not valid CSV");
  }

  @Test
  void aMissingFileIsReported() {
    assertReadFails(dir.resolve("absent.csv")).hasMessageContaining("no such file");
  }

  @Test
  void anUnknownExtensionListsTheSupportedOnes() {
    assertReadFails(dir.resolve("data.xlsx")).hasMessageContaining(".csv, .arrow, .feather, .ipc");
  }

  @Test
  void aMissingParquetFileIsReportedAsMissing() {
    assertReadFails(dir.resolve("data.parquet")).hasMessageContaining("data.parquet: no such file");
  }

  @Test
  void aCsvFileWithTheParquetExtensionIsNotAParquetFile() throws IOException {
    Path file = dir.resolve("data.parquet");
    Files.writeString(file, "a,b\n1,2\n");

    assertReadFails(file).hasMessageContaining("cannot read it as a Parquet file")
        .hasMessageContaining("pyarrow.parquet.write_table");
  }

  @Test
  void aCsvFileWithTheArrowExtensionIsNotAnArrowFile() throws IOException {
    Path file = dir.resolve("data.arrow");
    Files.writeString(file, "a,b\n1,2\n");

    assertReadFails(file).hasMessageContaining("not an Arrow IPC file");
  }

  @Test
  void aColumnCannotBeBothDiscreteAndContinuous() {
    assertThatThrownBy(() -> ReadOptions.builder().optDiscrete(Set.of("a")).optContinuous(Set.of("a")).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'a' is declared both discrete and continuous");
  }

  @Test
  void requiringContinuousColumnsNamesTheFileAndTheColumns() throws IOException {
    Path file = csv("name,colour\nann,red\n");

    try (Table table = Tables.read(file, allocator)) {
      assertThatThrownBy(() -> Tables.requireContinuousColumns(table, file))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(file + ", line 1")
          .hasMessageContaining("no continuous column")
          .hasMessageContaining("name, colour");
    }
  }
}
