package dev.shifter.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shifter.api.ColumnKind;
import dev.shifter.api.ColumnSpec;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arrow IPC files as other tools write them: other numeric types, booleans, dictionaries, several batches. */
class ArrowReadingTest {
  private final BufferAllocator allocator = new RootAllocator();

  @TempDir
  Path dir;

  @AfterEach
  void checkNoLeak() {
    allocator.close();
  }

  /** Writes two batches: (count int32, ratio float32 with NaN, flag bool, name utf8). */
  private Path twoBatchFile(String fileName, boolean stream) throws IOException {
    Path file = dir.resolve(fileName);
    try (IntVector count = new IntVector("count", allocator);
        Float4Vector ratio = new Float4Vector("ratio", allocator);
        BitVector flag = new BitVector("flag", allocator);
        VarCharVector name = new VarCharVector("name", allocator);
        VectorSchemaRoot root = new VectorSchemaRoot(List.<FieldVector>of(count, ratio, flag, name));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      var writer = stream ? new ArrowStreamWriter(root, null, channel) : new ArrowFileWriter(root, null, channel);
      writer.start();
      fill(root, new int[] {7, 8}, new float[] {0.5f, Float.NaN}, new int[] {1, 0}, new String[] {"ann", null});
      writer.writeBatch();
      fill(root, new int[] {9}, new float[] {1.25f}, new int[] {1}, new String[] {"7"});
      writer.writeBatch();
      writer.end();
      writer.close();
    }
    return file;
  }

  private static void fill(VectorSchemaRoot root, int[] counts, float[] ratios, int[] flags, String[] names) {
    IntVector count = (IntVector) root.getVector("count");
    Float4Vector ratio = (Float4Vector) root.getVector("ratio");
    BitVector flag = (BitVector) root.getVector("flag");
    VarCharVector name = (VarCharVector) root.getVector("name");
    root.allocateNew();
    for (int i = 0; i < counts.length; i++) {
      count.setSafe(i, counts[i]);
      ratio.setSafe(i, ratios[i]);
      flag.setSafe(i, flags[i]);
      if (names[i] == null) {
        name.setNull(i);
      } else {
        name.setSafe(i, names[i].getBytes(StandardCharsets.UTF_8));
      }
    }
    root.setRowCount(counts.length);
  }

  @Test
  void numbersBecomeContinuousAndStringsAndBooleansCategoricalAcrossBatches() throws IOException {
    Path file = twoBatchFile("other.feather", false);

    try (Table table = Tables.read(file, allocator)) {
      assertThat(table.columns()).containsExactly(
          new ColumnSpec("count", ColumnKind.CONTINUOUS),
          new ColumnSpec("ratio", ColumnKind.CONTINUOUS),
          new ColumnSpec("flag", ColumnKind.CATEGORICAL),
          new ColumnSpec("name", ColumnKind.CATEGORICAL));
      assertThat(table.rowCount()).isEqualTo(3);
      assertThat(table.continuousValue("count", 2)).isEqualTo(9.0);
      assertThat(table.continuousValue("ratio", 1)).as("NaN is missing").isNull();
      assertThat(table.continuousValue("ratio", 2)).isEqualTo(1.25);
      assertThat(table.categoricalValue("flag", 1)).isEqualTo("false");
      assertThat(table.categoricalValue("name", 1)).isNull();
    }
  }

  @Test
  void theStreamFormatIsReadToo() throws IOException {
    Path file = twoBatchFile("other.ipc", true);

    try (Table table = Tables.read(file, allocator)) {
      assertThat(table.rowCount()).isEqualTo(3);
      assertThat(table.categoricalValue("name", 0)).isEqualTo("ann");
    }
  }

  @Test
  void theKindOverridesConvertArrowColumns() throws IOException {
    Path file = twoBatchFile("other.arrow", false);
    ReadOptions options = ReadOptions.builder().optDiscrete(Set.of("count")).build();

    try (Table table = Tables.read(file, allocator, options)) {
      assertThat(table.column("count").kind()).isEqualTo(ColumnKind.CATEGORICAL);
      assertThat(table.categoricalValue("count", 0)).isEqualTo("7");
    }
  }

  @Test
  void textInAnArrowColumnDeclaredContinuousIsReportedWithRowAndColumn() throws IOException {
    Path file = twoBatchFile("other.arrow", false);
    ReadOptions options = ReadOptions.builder().optContinuous(Set.of("name")).build();

    assertThatThrownBy(() -> Tables.read(file, allocator, options).close())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(file + ", row 1, column 4 ('name')")
        .hasMessageContaining("'ann' is not a number");
  }

  @Test
  void dictionaryEncodedStringsAreDecoded() throws IOException {
    Path file = dir.resolve("dict.arrow");
    DictionaryEncoding encoding = new DictionaryEncoding(1L, false, null);
    try (VarCharVector values = new VarCharVector("colour-dict", allocator);
        VarCharVector plain = new VarCharVector("colour", allocator)) {
      values.allocateNew();
      values.setSafe(0, "red".getBytes(StandardCharsets.UTF_8));
      values.setSafe(1, "green".getBytes(StandardCharsets.UTF_8));
      values.setValueCount(2);
      plain.allocateNew();
      plain.setSafe(0, "green".getBytes(StandardCharsets.UTF_8));
      plain.setSafe(1, "red".getBytes(StandardCharsets.UTF_8));
      plain.setSafe(2, "green".getBytes(StandardCharsets.UTF_8));
      plain.setValueCount(3);
      Dictionary dictionary = new Dictionary(values, encoding);
      try (FieldVector encoded = (FieldVector) DictionaryEncoder.encode(plain, dictionary);
          VectorSchemaRoot root = new VectorSchemaRoot(List.of(encoded));
          FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          ArrowFileWriter writer = new ArrowFileWriter(root, new DictionaryProvider.MapDictionaryProvider(dictionary),
              channel)) {
        root.setRowCount(3);
        writer.start();
        writer.writeBatch();
        writer.end();
      }
    }

    try (Table table = Tables.read(file, allocator)) {
      assertThat(table.column("colour").kind()).isEqualTo(ColumnKind.CATEGORICAL);
      assertThat(List.of(table.categoricalValue("colour", 0), table.categoricalValue("colour", 1),
          table.categoricalValue("colour", 2))).containsExactly("green", "red", "green");
    }
  }

  @Test
  void aTruncatedArrowFileIsReportedAsSuch() throws IOException {
    Path whole = twoBatchFile("whole.arrow", false);
    Path cut = dir.resolve("cut.arrow");
    byte[] bytes = Files.readAllBytes(whole);
    try (OutputStream out = Files.newOutputStream(cut)) {
      out.write(bytes, 0, bytes.length / 2);
    }

    assertThatThrownBy(() -> Tables.read(cut, allocator).close())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(cut.toString())
        .hasMessageContaining("Arrow IPC");
  }
}
