package dev.shifter.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shifter.api.ColumnKind;
import dev.shifter.api.ColumnSpec;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Remedy;
import dev.shifter.api.Remedy.Setting;
import dev.shifter.api.ShifterWarning;
import dev.shifter.api.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReadingTest {
  private final BufferAllocator allocator = new RootAllocator();

  @TempDir
  Path dir;

  @AfterEach
  void checkNoLeak() {
    allocator.close();
  }

  private Path csv(String content) throws IOException {
    Path file = dir.resolve("data.csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void aColumnIsContinuousWhenEveryValueIsANumber() throws IOException {
    Path file = csv("""
        age,name,score,code,class
        41,ann,-0.5,1e-3,1
        7,bob,+2.,.28,2
        12,cy,3,-4E+2,1
        """);

    try (Table table = Tables.read(file, allocator)) {
      assertThat(table.columns()).containsExactly(
          new ColumnSpec("age", ColumnKind.CONTINUOUS),
          new ColumnSpec("name", ColumnKind.CATEGORICAL),
          new ColumnSpec("score", ColumnKind.CONTINUOUS),
          new ColumnSpec("code", ColumnKind.CONTINUOUS),
          new ColumnSpec("class", ColumnKind.CONTINUOUS));
      assertThat(table.rowCount()).isEqualTo(3);
      assertThat(table.continuousValue("score", 1)).isEqualTo(2.0);
      assertThat(table.continuousValue("code", 1)).isEqualTo(0.28);
      assertThat(table.continuousValue("code", 2)).isEqualTo(-400.0);
      assertThat(table.categoricalValue("name", 2)).isEqualTo("cy");
    }
  }

  @Test
  void textThatJavaWouldParseButIsNoPlainDecimalMakesAColumnCategorical() throws IOException {
    Path file = csv("""
        b,c
        1d,0x10
        2,3
        """);

    try (Table table = Tables.read(file, allocator)) {
      assertThat(table.continuousColumnNames()).isEmpty();
      assertThat(table.categoricalValue("b", 0)).isEqualTo("1d");
    }
  }

  @Test
  void nanAndInfinityAmongNumbersAreRefusedWithTheFix() throws IOException {
    for (String word : List.of("NaN", "nan", "Infinity", "-inf")) {
      Path file = csv("a,b\n1," + word + "\n2,3\n");

      assertThatThrownBy(() -> Tables.read(file, allocator)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("line 2, column 2 ('b'): '" + word + "' is not a finite number")
          .hasMessageNotContaining("--").satisfies(e -> assertThat(((InvalidInputException) e).remedies())
              .containsExactly(Remedy.set(Setting.MISSING_TEXT, word), Remedy.set(Setting.DISCRETE_COLUMN, "b")));
    }
  }

  @Test
  void nanNamedAsMissingIsMissingAndForcedDiscreteIsACategory() throws IOException {
    Path file = csv("a,b\n1,NaN\n2,3\n");

    try (Table missing = Tables.read(file, allocator, ReadOptions.builder().optMissing(List.of("NaN")).build());
        Table discrete = Tables.read(file, allocator, ReadOptions.builder().optDiscrete(List.of("b")).build())) {
      assertThat(missing.column("b").kind()).isEqualTo(ColumnKind.CONTINUOUS);
      assertThat(missing.continuousValue("b", 0)).isNull();
      assertThat(discrete.categoricalValue("b", 0)).isEqualTo("NaN");
    }
  }

  @Test
  void numbersBeyondFloat32AreRefusedNamingTheColumn() throws IOException {
    Path file = csv("a,b\n1,1e300\n2,3\n");

    assertThatThrownBy(() -> Tables.read(file, allocator)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("line 2, column 2 ('b'): the number '1e300' is beyond the range of float32")
        .hasMessageContaining("Rescale the column");
    try (Table table = Tables.read(csv("a,b\n1,3e38\n"), allocator)) {
      assertThat(table.continuousValue("b", 0)).isEqualTo(3e38);
    }
  }

  @Test
  void aMostlyNumericColumnReadAsCategoricalIsReportedWithTheFirstText() throws IOException {
    Path file = csv("a,b\n1,NA\n2,3\n3,4\n");
    List<ShifterWarning> warnings = new ArrayList<>();

    try (Table table = Tables.read(file, allocator, ReadOptions.defaults(), warnings::add)) {
      assertThat(table.column("b").kind()).isEqualTo(ColumnKind.CATEGORICAL);
    }
    assertThat(warnings).singleElement().satisfies(warning -> {
      assertThat(warning.message()).contains("column 2 ('b'): read as categorical")
          .contains("the first, 'NA', on line 2").doesNotContain("--");
      assertThat(warning.remedies()).containsExactly(Remedy.set(Setting.MISSING_TEXT, "NA"),
          Remedy.set(Setting.DISCRETE_COLUMN, "b"));
    });
  }

  @Test
  void aFileThatIsNotUtf8IsReadAsLatin1WithAWarningNamingTheLine() throws IOException {
    Path file = dir.resolve("latin.csv");
    Files.write(file, "name,v\nplain,1\ncaf\u00e9,2\n".getBytes(StandardCharsets.ISO_8859_1));
    List<ShifterWarning> warnings = new ArrayList<>();

    try (Table table = Tables.read(file, allocator, ReadOptions.defaults(), warnings::add)) {
      assertThat(table.categoricalValue("name", 1)).isEqualTo("caf\u00e9");
    }
    assertThat(warnings).singleElement().asString().contains("latin.csv, line 3: the file is not UTF-8")
        .contains("Latin-1");
  }

  @Test
  void aUtf8FileGivesNoWarning() throws IOException {
    List<ShifterWarning> warnings = new ArrayList<>();
    try (Table table = Tables.read(csv("name,v\ncaf\u00e9,1\n"), allocator, ReadOptions.defaults(), warnings::add)) {
      assertThat(table.categoricalValue("name", 0)).isEqualTo("caf\u00e9");
    }
    assertThat(warnings).isEmpty();
  }

  @Test
  void emptyFieldsAndTheNamedMissingTextsAreMissingInBothKinds() throws IOException {
    Path file = csv("""
        x,label
        1.5,a
        ,?
        ?,
        " ? ",""
        2,b
        """);

    try (Table table = Tables.read(file, allocator, ReadOptions.builder().optMissing(List.of("?")).build())) {
      assertThat(table.column("x").kind()).isEqualTo(ColumnKind.CONTINUOUS);
      assertThat(table.column("label").kind()).isEqualTo(ColumnKind.CATEGORICAL);
      assertThat(table.rowCount()).isEqualTo(5);
      for (int row = 1; row <= 3; row++) {
        assertThat(table.continuousValue("x", row)).as("x row %d", row).isNull();
        assertThat(table.categoricalValue("label", row)).as("label row %d", row).isNull();
      }
      assertThat(table.continuousValue("x", 4)).isEqualTo(2.0);
    }
  }

  @Test
  void aColumnThatIsAlwaysMissingIsContinuous() throws IOException {
    try (Table table = Tables.read(csv("a,b\n1,\n2, \n"), allocator)) {
      assertThat(table.column("b").kind()).isEqualTo(ColumnKind.CONTINUOUS);
      assertThat(table.continuous("b").getNullCount()).isEqualTo(2);
    }
  }

  @Test
  void quotedFieldsMayHoldCommasQuotesAndLineBreaks() throws IOException {
    Path file = csv("id,text,\"amount, in EUR\"\r\n"
        + "1,\"a, b\",\"3.5\"\r\n"
        + "2,\"she said \"\"hi\"\"\",4\r\n"
        + "3,\"two\nlines\",5\r\n");

    try (Table table = Tables.read(file, allocator)) {
      assertThat(table.columnNames()).containsExactly("id", "text", "amount, in EUR");
      assertThat(table.column("amount, in EUR").kind()).isEqualTo(ColumnKind.CONTINUOUS);
      assertThat(table.categoricalValue("text", 0)).isEqualTo("a, b");
      assertThat(table.categoricalValue("text", 1)).isEqualTo("she said \"hi\"");
      assertThat(table.categoricalValue("text", 2)).isEqualTo("two\nlines");
      assertThat(table.continuousValue("amount, in EUR", 0)).isEqualTo(3.5);
    }
  }

  @Test
  void headerNamesAreTrimmedAByteOrderMarkIsIgnoredAndBlankLinesAreSkipped() throws IOException {
    Path file = csv("\uFEFF a , b \n1,x\n\n2, y\n\n");

    try (Table table = Tables.read(file, allocator)) {
      assertThat(table.columnNames()).containsExactly("a", "b");
      assertThat(table.rowCount()).isEqualTo(2);
      assertThat(table.categoricalValue("b", 1)).as("values keep their blanks").isEqualTo(" y");
    }
  }

  @Test
  void aHeaderWithoutRowsGivesAnEmptyTable() throws IOException {
    try (Table table = Tables.read(csv("a,b\n"), allocator)) {
      assertThat(table.columnNames()).containsExactly("a", "b");
      assertThat(table.rowCount()).isZero();
    }
  }

  @Test
  void integerCodedColumnsAreContinuousUnlessDeclaredDiscrete() throws IOException {
    Path file = csv("""
        x,class
        0.5,1
        1.5,2
        2.5,1
        """);

    try (Table inferred = Tables.read(file, allocator);
        Table forced = Tables.read(file, allocator,
            ReadOptions.builder().optDiscrete(Set.of("class")).build())) {
      assertThat(inferred.column("class").kind()).isEqualTo(ColumnKind.CONTINUOUS);
      assertThat(forced.column("class").kind()).isEqualTo(ColumnKind.CATEGORICAL);
      assertThat(forced.categoricalValue("class", 1)).isEqualTo("2");
    }
  }

  @Test
  void aColumnDeclaredContinuousMayHoldMissingValues() throws IOException {
    Path file = csv("x,y\n1,\n2,3\n");

    try (Table table = Tables.read(file, allocator, ReadOptions.builder().optContinuous(Set.of("y")).build())) {
      assertThat(table.column("y").kind()).isEqualTo(ColumnKind.CONTINUOUS);
      assertThat(table.continuousValue("y", 0)).isNull();
    }
  }

  @Test
  void readingDoesNotRequireAContinuousColumn() throws IOException {
    Path file = csv("a,b\nx,y\n");

    try (Table table = Tables.read(file, allocator)) {
      assertThat(table.continuousColumnNames()).isEmpty();
    }
  }
}
