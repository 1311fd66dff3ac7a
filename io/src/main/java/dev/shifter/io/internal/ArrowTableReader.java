package dev.shifter.io.internal;

import dev.shifter.api.ColumnKind;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Remedy;
import dev.shifter.api.Remedy.Setting;
import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.jspecify.annotations.Nullable;

/**
 * Reads an Arrow IPC file (the file format, Feather v2, or the stream format) into a {@link Table}.
 * Integer, floating-point and decimal columns become continuous (NaN reads as missing); string and
 * boolean columns, dictionary-encoded or not, become categorical. All record batches are concatenated.
 * Compressed files are not supported (Arrow's compression codecs are not on the class path).
 */
public final class ArrowTableReader {
  private static final byte[] FILE_MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);
  /** Every message of a current IPC stream starts with this marker. */
  private static final byte[] STREAM_CONTINUATION = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

  private final Path file;
  private final BufferAllocator allocator;
  private final ReadRules rules;
  private final Opener opener;
  private final String formatName;
  private final String remedy;

  /** Opens the Arrow stream of record batches that a file holds. */
  @FunctionalInterface
  interface Opener {
    /**
     * Opens the batches.
     *
     * @return the reader; the caller closes it
     * @throws IOException if the file cannot be read
     */
    ArrowReader open() throws IOException;
  }

  private ArrowTableReader(Path file, BufferAllocator allocator, ReadRules rules, @Nullable Opener opener,
      String formatName, String remedy) {
    this.file = file;
    this.allocator = allocator;
    this.rules = rules;
    this.opener = opener != null ? opener : this::openIpc;
    this.formatName = formatName;
    this.remedy = remedy;
  }

  /**
   * Reads the file.
   *
   * @param file an Arrow IPC file
   * @param allocator the allocator that will own the table's vectors
   * @param rules columns to read as categorical (numbers are printed as text) or continuous (text must
   *     parse as numbers), and texts of string columns that stand for a missing value
   * @return the table
   * @throws InvalidInputException naming the file, and the row and column where a value is the problem
   */
  public static Table read(Path file, BufferAllocator allocator, ReadRules rules) {
    return new ArrowTableReader(file, allocator, rules, null, "an Arrow IPC file", IPC_REMEDY).read();
  }

  /**
   * Reads the record batches of another file format with the rules of Arrow IPC files.
   *
   * @param file the file, for messages
   * @param allocator the allocator that will own the table's vectors
   * @param rules as for {@link #read(Path, BufferAllocator, ReadRules)}
   * @param opener opens the file's batches
   * @param formatName what the file should be, for messages, e.g. {@code "a Parquet file"}
   * @param remedy the sentence that says how to make a readable one
   * @return the table
   */
  static Table read(Path file, BufferAllocator allocator, ReadRules rules, Opener opener, String formatName,
      String remedy) {
    return new ArrowTableReader(file, allocator, rules, opener, formatName, remedy).read();
  }

  private static final String IPC_REMEDY = "Check that it is an uncompressed Arrow IPC (Feather v2) file; with "
      + "pyarrow write it with pyarrow.feather.write_feather(table, path, compression='uncompressed').";

  private Table read() {
    try (ArrowReader reader = opener.open()) {
      VectorSchemaRoot batch = reader.getVectorSchemaRoot();
      List<Field> fields = batch.getSchema().getFields();
      List<String> names = fields.stream().map(Field::getName).toList();
      KindOverrides overrides = KindOverrides.check(file + " (schema)", names, rules.discrete(),
          rules.continuous());
      List<Column> columns = new ArrayList<>(fields.size());
      for (int c = 0; c < fields.size(); c++) {
        Field field = fields.get(c);
        ColumnKind stored = storedKind(reader, field, c);
        columns.add(new Column(field.getName(), c, stored, overrides.kindOf(field.getName(), stored)));
      }
      long rowsBefore = 0;
      while (reader.loadNextBatch()) {
        for (Column column : columns) {
          appendBatch(reader, batch.getVector(column.index), column, rowsBefore);
        }
        rowsBefore += batch.getRowCount();
      }
      return build(columns);
    } catch (InvalidInputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(file + ": cannot read it as " + formatName + ": " + e.getMessage() + ". "
          + remedy, e);
    }
  }

  private ArrowReader openIpc() throws IOException {
    byte[] start;
    try (InputStream in = Files.newInputStream(file)) {
      start = in.readNBytes(FILE_MAGIC.length);
    }
    if (Arrays.equals(start, FILE_MAGIC)) {
      return new ArrowFileReader(FileChannel.open(file, StandardOpenOption.READ), allocator);
    }
    if (start.length >= STREAM_CONTINUATION.length
        && Arrays.equals(Arrays.copyOf(start, STREAM_CONTINUATION.length), STREAM_CONTINUATION)) {
      return new ArrowStreamReader(Channels.newChannel(Files.newInputStream(file)), allocator);
    }
    throw new InvalidInputException(file + ": this is not an Arrow IPC file (it starts with neither the file "
        + "magic ARROW1 nor a stream message). Check the file, or give it the extension of its real format "
        + "(.csv for CSV).");
  }

  private ColumnKind storedKind(ArrowReader reader, Field field, int column) {
    DictionaryEncoding encoding = field.getDictionary();
    ArrowType type = encoding == null ? field.getType() : reader.lookup(encoding.getId()).getVectorType();
    return switch (type.getTypeID()) {
      case Int, FloatingPoint, Decimal -> ColumnKind.CONTINUOUS;
      case Utf8, LargeUtf8, Utf8View, Bool -> ColumnKind.CATEGORICAL;
      default -> throw new InvalidInputException(file + ", column " + (column + 1) + " ('" + field.getName()
          + "'): the Arrow type " + type + " is not supported. Shifter reads numbers (continuous) and strings or "
          + "booleans (categorical); cast the column to one of those before saving the file.");
    };
  }

  private void appendBatch(ArrowReader reader, FieldVector stored, Column column, long rowsBefore) {
    DictionaryEncoding encoding = stored.getField().getDictionary();
    if (encoding == null) {
      append(stored, column, rowsBefore);
      return;
    }
    Dictionary dictionary = reader.lookup(encoding.getId());
    try (ValueVector decoded = DictionaryEncoder.decode(stored, dictionary, allocator)) {
      append(decoded, column, rowsBefore);
    }
  }

  private void append(ValueVector vector, Column column, long rowsBefore) {
    for (int i = 0; i < vector.getValueCount(); i++) {
      long row = rowsBefore + i;
      if (vector.isNull(i)) {
        column.addMissing();
      } else if (column.stored == ColumnKind.CONTINUOUS) {
        double value = number(vector, i);
        if (Double.isInfinite(value)) {
          throw new InvalidInputException(Locations.cell(file, row, column.index, column.name) + ": the value is "
              + value + ". Shifter needs finite numbers; replace it or leave it missing.");
        }
        if (column.target == ColumnKind.CONTINUOUS && Math.abs(value) > Float.MAX_VALUE) {
          throw new InvalidInputException(Locations.cell(file, row, column.index, column.name) + ": the value "
              + value + " is beyond the range of float32 (about -3.4e38 to 3.4e38), in which Shifter computes. "
              + "Rescale the column (divide it by a power of ten), or read it as categorical.",
              Remedy.set(Setting.DISCRETE_COLUMN, column.name));
        }
        column.addNumber(value);
      } else {
        String text = text(vector, i);
        if (rules.missing().contains(text.strip())) {
          column.addMissing();
        } else {
          column.addText(text, Locations.cell(file, row, column.index, column.name), rules);
        }
      }
    }
  }

  private static double number(ValueVector vector, int i) {
    if (vector instanceof FloatingPointVector floats) {
      return floats.getValueAsDouble(i);
    }
    if (vector instanceof BaseIntVector ints) {
      return ints.getValueAsLong(i);
    }
    Object value = vector.getObject(i);
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    throw new IllegalStateException("Column '" + vector.getName() + "' holds " + value + ", not a number.");
  }

  private static String text(ValueVector vector, int i) {
    if (vector instanceof VarCharVector strings) {
      return new String(strings.get(i), StandardCharsets.UTF_8);
    }
    return String.valueOf(vector.getObject(i));
  }

  private Table build(List<Column> columns) {
    try (TableBuilder builder = new TableBuilder(allocator)) {
      for (Column column : columns) {
        if (column.target == ColumnKind.CONTINUOUS) {
          builder.addContinuous(column.name, column.numbers());
        } else {
          builder.addCategorical(column.name, column.texts());
        }
      }
      return builder.build();
    }
  }

  /** One column's values, converted to the kind the caller wants as they are read. */
  private static final class Column {
    final String name;
    final int index;
    final ColumnKind stored;
    final ColumnKind target;
    private double[] numbers = new double[0];
    private final List<@Nullable String> texts = new ArrayList<>();
    private int size;

    Column(String name, int index, ColumnKind stored, ColumnKind target) {
      this.name = name;
      this.index = index;
      this.stored = stored;
      this.target = target;
    }

    void addMissing() {
      if (target == ColumnKind.CONTINUOUS) {
        push(Double.NaN);
      } else {
        texts.add(null);
      }
    }

    void addNumber(double value) {
      if (target == ColumnKind.CONTINUOUS) {
        push(value);
      } else {
        texts.add(Double.isNaN(value) ? null : NumberText.format(value));
      }
    }

    void addText(String value, String where, ReadRules rules) {
      if (target == ColumnKind.CATEGORICAL) {
        texts.add(value);
      } else if (rules.isMissing(value)) {
        push(Double.NaN);
      } else if (NumberText.isDecimal(value) && Math.abs(NumberText.parse(value)) <= Float.MAX_VALUE) {
        push(NumberText.parse(value));
      } else {
        throw new InvalidInputException(where + ": '" + value + "' is not a number within float32's range, but the "
            + "column was declared continuous. Fix the value or do not declare the column continuous.");
      }
    }

    private void push(double value) {
      if (size == numbers.length) {
        numbers = Arrays.copyOf(numbers, Math.max(16, size * 2));
      }
      numbers[size++] = value;
    }

    double[] numbers() {
      return Arrays.copyOf(numbers, size);
    }

    @Nullable String[] texts() {
      return texts.toArray(new String[0]);
    }
  }
}
