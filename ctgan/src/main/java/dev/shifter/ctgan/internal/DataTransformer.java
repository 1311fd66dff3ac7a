package dev.shifter.ctgan.internal;

import dev.shifter.api.ColumnKind;
import dev.shifter.api.ColumnSpec;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Remedy;
import dev.shifter.api.Remedy.Setting;
import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import dev.shifter.commons.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.arrow.memory.BufferAllocator;
import org.jspecify.annotations.Nullable;

/**
 * The paper's mode-specific normalisation: turns a table into float rows for the GAN and back.
 *
 * <p>Columns are encoded in table order. A continuous column becomes a scalar {@code alpha} in [-1, 1]
 * (a TANH span: {@code (v - mu_k) / (4 sigma_k)}, clipped to [-0.99, 0.99]) followed by a one-hot of the
 * mode {@code k} drawn from the value's responsibilities under the column's
 * {@link VariationalGaussianMixture} (a SOFTMAX span of width K, or K + 1 when the column had missing
 * values: the last slot is "missing", with {@code alpha = 0}). A categorical column becomes a one-hot of
 * its category (a SOFTMAX span); its categories are the distinct non-missing labels sorted by
 * {@link String#compareTo} (deterministic and independent of row order), then "missing" when the
 * column had missing values. Only categorical columns are conditioned on, as in the paper.
 *
 * <p>Instances are immutable and thread-safe; {@link #state()} and {@link #fromState(TransformerState)}
 * save and restore one exactly.
 */
public final class DataTransformer {
  private final TransformerState state;
  private final List<@Nullable ContinuousCodec> continuousCodecs;
  private final List<@Nullable CategoricalCodec> categoricalCodecs;
  private final List<OutputSpan> spans;
  private final List<DiscreteColumnInfo> discrete;
  private final List<ContinuousLayout> layouts;
  private final int width;

  private DataTransformer(TransformerState state) {
    this.state = state;
    List<@Nullable ContinuousCodec> continuous = new ArrayList<>();
    List<@Nullable CategoricalCodec> categorical = new ArrayList<>();
    List<OutputSpan> outputSpans = new ArrayList<>();
    List<DiscreteColumnInfo> discreteInfo = new ArrayList<>();
    List<ContinuousLayout> continuousLayouts = new ArrayList<>();
    int offset = 0;
    int condOffset = 0;
    for (ColumnState column : state.columns()) {
      if (column.kind() == ColumnKind.CONTINUOUS) {
        ContinuousCodec codec = new ContinuousCodec(column.name(), column.modes(), column.hasMissing(),
            column.domain(), offset);
        continuous.add(codec);
        categorical.add(null);
        continuousLayouts.add(codec.layout());
        outputSpans.add(new OutputSpan(offset, 1, Activation.TANH));
        outputSpans.add(new OutputSpan(offset + 1, codec.modeWidth(), Activation.SOFTMAX));
        offset += codec.width();
      } else {
        CategoricalCodec codec = new CategoricalCodec(column.name(), column.categories(), column.hasMissing(),
            offset);
        continuous.add(null);
        categorical.add(codec);
        outputSpans.add(new OutputSpan(offset, codec.width(), Activation.SOFTMAX));
        discreteInfo.add(new DiscreteColumnInfo(column.name(), offset, condOffset, codec.width()));
        offset += codec.width();
        condOffset += codec.width();
      }
    }
    this.continuousCodecs = continuous;
    this.categoricalCodecs = categorical;
    this.spans = List.copyOf(outputSpans);
    this.discrete = List.copyOf(discreteInfo);
    this.layouts = List.copyOf(continuousLayouts);
    this.width = offset;
  }

  /**
   * Fits the transformer with the paper's mixture settings ({@link MixtureConfig#defaults()}).
   *
   * @param table the training data, at least one row and one column
   * @param seed the seed of the mixtures' initialisation and subsampling
   * @return the fitted transformer
   * @throws InvalidInputException if the table is empty, holds infinite values, or has a continuous
   *     column without any value
   */
  public static DataTransformer fit(Table table, long seed) {
    return fit(table, seed, MixtureConfig.defaults());
  }

  /**
   * Fits the transformer: a mixture per continuous column (on its non-missing values; a constant
   * column gets one narrow mode; a column without any value is refused), the
   * sorted labels per categorical column. The fit is deterministic given the seed; each column's
   * mixture is seeded from the seed and the column's name, so it does not depend on the other columns.
   *
   * @param table the training data, at least one row and one column
   * @param seed the seed of the mixtures' initialisation and subsampling
   * @param config the mixture settings
   * @return the fitted transformer
   * @throws InvalidInputException if the table is empty, holds infinite values, or has a continuous
   *     column without any value
   */
  public static DataTransformer fit(Table table, long seed, MixtureConfig config) {
    int rows = table.rowCount();
    if (table.columns().isEmpty() || rows == 0) {
      throw new InvalidInputException("Cannot fit the transformer to a table with " + rows + " rows and "
          + table.columns().size() + " columns. Give it a table with at least one row and one column.");
    }
    VariationalGaussianMixture mixture = new VariationalGaussianMixture(config);
    List<ColumnState> columns = new ArrayList<>();
    for (ColumnSpec spec : table.columns()) {
      String name = spec.name();
      if (spec.kind() == ColumnKind.CONTINUOUS) {
        double[] values = ContinuousCodec.read(table.continuous(name), rows);
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        if (present.length == 0) {
          throw new InvalidInputException("Column '" + name + "' has no values: it is empty in all " + rows + " rows, "
              + "so there is nothing to learn and sampled rows would get invented numbers. Remove the column from "
              + "the table, or declare it categorical to keep it empty in every sampled row.",
              Remedy.set(Setting.DISCRETE_COLUMN, name));
        }
        GaussianModes modes = mixture.fit(present, columnSeed(seed, name)).modes();
        columns.add(ColumnState.ofContinuous(name, modes, present.length < rows, ValueDomain.of(present)));
      } else {
        @Nullable String[] labels = CategoricalCodec.read(table.categorical(name), rows);
        TreeSet<String> distinct = new TreeSet<>();
        boolean missing = false;
        for (String label : labels) {
          if (label == null) {
            missing = true;
          } else {
            distinct.add(label);
          }
        }
        columns.add(ColumnState.ofCategorical(name, new ArrayList<>(distinct), missing));
      }
    }
    return new DataTransformer(new TransformerState(columns));
  }

  /**
   * Rebuilds a transformer from its saved state.
   *
   * @param state a state from {@link #state()}, e.g. read back from JSON
   * @return the transformer, which encodes and decodes exactly as the one that was saved
   */
  public static DataTransformer fromState(TransformerState state) {
    return new DataTransformer(state);
  }

  /**
   * Returns the state to save.
   *
   * @return the per-column state
   */
  public TransformerState state() {
    return state;
  }

  /**
   * Returns the columns this transformer expects, in table order.
   *
   * @return names and kinds
   */
  public List<ColumnSpec> columns() {
    return state.columns().stream().map(c -> new ColumnSpec(c.name(), c.kind())).toList();
  }

  /**
   * Returns the width of an encoded row.
   *
   * @return the sum of the spans' widths
   */
  public int width() {
    return width;
  }

  /**
   * Returns the blocks of an encoded row in order, as the generator's output activation needs them.
   *
   * @return the spans
   */
  public List<OutputSpan> spans() {
    return spans;
  }

  /**
   * Returns the categorical columns with their offsets in the encoded row and the conditional vector.
   *
   * @return the discrete columns in table order
   */
  public List<DiscreteColumnInfo> discreteColumns() {
    return discrete;
  }

  /**
   * Returns the width of the conditional vector: the number of categories of all categorical columns.
   *
   * @return the width, 0 when there is no categorical column
   */
  public int condWidth() {
    return discrete.stream().mapToInt(DiscreteColumnInfo::categories).sum();
  }

  /**
   * Returns what a differentiable decoder needs for each continuous column.
   *
   * @return the layouts in table order
   */
  public List<ContinuousLayout> continuousLayouts() {
    return layouts;
  }

  /**
   * Returns the index of a category within a categorical column, for conditional sampling.
   *
   * @param column the categorical column's name
   * @param label the category's label, or {@code null} for the missing category
   * @return its index in the column's one-hot block
   * @throws InvalidInputException if the column is not categorical or the label unknown
   */
  public int categoryIndex(String column, @Nullable String label) {
    for (ColumnState c : state.columns()) {
      if (c.name().equals(column) && c.kind() == ColumnKind.CATEGORICAL) {
        if (label == null) {
          if (c.hasMissing()) {
            return c.categories().size();
          }
        } else if (c.categories().contains(label)) {
          return c.categories().indexOf(label);
        }
        throw new InvalidInputException("Column '" + column + "' has no category " + (label == null ? "for missing"
            + " values" : "'" + label + "'") + ". Its categories are: " + String.join(", ", c.categories())
            + (c.hasMissing() ? " and missing" : "") + ".");
      }
    }
    throw new InvalidInputException("No categorical column named '" + column + "'. The categorical columns are: "
        + String.join(", ", discrete.stream().map(DiscreteColumnInfo::name).toList()) + ".");
  }

  /**
   * Encodes a table with the columns this transformer was fitted on (any order). Modes are drawn from
   * the responsibilities with the given seed; the result is deterministic given it.
   *
   * @param table the table
   * @param seed the seed of the mode draws
   * @return the encoded rows with their layout and each row's categories
   * @throws InvalidInputException if the columns differ, or a value is unknown or unexpectedly missing
   */
  public EncodedData transform(Table table, long seed) {
    checkColumns(table);
    int rows = table.rowCount();
    float[] out = new float[encodedLength(rows)];
    int[][] categoryOfRow = new int[discrete.size()][];
    int d = 0;
    List<ColumnState> columns = state.columns();
    for (int c = 0; c < columns.size(); c++) {
      String name = columns.get(c).name();
      ContinuousCodec continuous = continuousCodecs.get(c);
      CategoricalCodec categorical = categoricalCodecs.get(c);
      if (continuous != null) {
        continuous.encode(ContinuousCodec.read(table.continuous(name), rows), out, width, columnSeed(seed, name));
      } else {
        CategoricalCodec codec = Objects.requireNonNull(categorical);
        int[] categories = codec.categories(CategoricalCodec.read(table.categorical(name), rows));
        codec.encode(categories, out, width);
        categoryOfRow[d++] = categories;
      }
    }
    return new EncodedData(out, rows, width, spans, discrete, categoryOfRow);
  }

  /**
   * Decodes activated rows (tanh scalars, softmax or one-hot blocks) into a table, hard: the argmax of
   * each block picks the mode or category; a continuous value is {@code alpha * 4 sigma_k + mu_k} with
   * {@code alpha} clamped to [-1, 1]; the "missing" mode or category gives a missing value.
   *
   * @param activatedRows {@code rows * width()} values, row-major
   * @param rows the number of rows
   * @param allocator the Arrow allocator that will own the table
   * @return the table, with the fitted columns in their order; the caller closes it
   * @throws InvalidInputException if the array's length is not {@code rows * width()}
   */
  public Table inverse(float[] activatedRows, int rows, BufferAllocator allocator) {
    if (rows < 0 || (long) rows * width != activatedRows.length) {
      throw new InvalidInputException("Cannot decode " + activatedRows.length + " values as " + rows + " rows of "
          + "width " + width + ". Pass exactly rows * width() values, row-major.");
    }
    try (TableBuilder builder = new TableBuilder(allocator)) {
      List<ColumnState> columns = state.columns();
      for (int c = 0; c < columns.size(); c++) {
        String name = columns.get(c).name();
        ContinuousCodec continuous = continuousCodecs.get(c);
        if (continuous != null) {
          builder.addContinuous(name, continuous.decode(activatedRows, rows, width));
        } else {
          builder.addCategorical(name, Objects.requireNonNull(categoricalCodecs.get(c))
              .decode(activatedRows, rows, width));
        }
      }
      return builder.build();
    }
  }

  /**
   * Creates empty columns for {@link #decodeInto}.
   *
   * @param rows the total number of rows to decode
   * @return one array per column, in table order
   */
  public DecodedColumns newColumns(int rows) {
    boolean[] isContinuous = new boolean[continuousCodecs.size()];
    for (int c = 0; c < isContinuous.length; c++) {
      isContinuous[c] = continuousCodecs.get(c) != null;
    }
    return new DecodedColumns(rows, isContinuous);
  }

  /**
   * Decodes a batch of activated rows like {@link #inverse} into rows {@code [firstRow, firstRow + rows)}
   * of {@code into}; the argmax of each block needs only the order of its entries, so Gumbel-perturbed
   * logits decode to the same modes and categories as their softmax.
   *
   * @param activatedRows {@code rows * width()} values, row-major
   * @param rows the number of rows in the batch
   * @param into the columns from {@link #newColumns}
   * @param firstRow where the batch's first row goes
   */
  public void decodeInto(float[] activatedRows, int rows, DecodedColumns into, int firstRow) {
    if ((long) rows * width != activatedRows.length || firstRow < 0 || firstRow + rows > into.rows()) {
      throw new IllegalArgumentException("cannot decode " + activatedRows.length + " values as " + rows
          + " rows of width " + width + " into rows " + firstRow + ".." + (firstRow + rows) + " of "
          + into.rows());
    }
    for (int c = 0; c < continuousCodecs.size(); c++) {
      ContinuousCodec continuous = continuousCodecs.get(c);
      if (continuous != null) {
        System.arraycopy(continuous.decode(activatedRows, rows, width), 0, into.continuous(c), firstRow, rows);
      } else {
        System.arraycopy(Objects.requireNonNull(categoricalCodecs.get(c)).decode(activatedRows, rows, width), 0,
            into.categorical(c), firstRow, rows);
      }
    }
  }

  /**
   * Turns decoded columns into a table with the fitted columns in their order.
   *
   * @param columns the filled columns
   * @param allocator the Arrow allocator that will own the table
   * @return the table; the caller closes it
   */
  public Table toTable(DecodedColumns columns, BufferAllocator allocator) {
    try (TableBuilder builder = new TableBuilder(allocator)) {
      List<ColumnState> states = state.columns();
      for (int c = 0; c < states.size(); c++) {
        if (continuousCodecs.get(c) != null) {
          builder.addContinuous(states.get(c).name(), columns.continuous(c));
        } else {
          builder.addCategorical(states.get(c).name(), columns.categorical(c));
        }
      }
      return builder.build();
    }
  }

  /** A column's seed depends on its name only, so adding or reordering other columns changes nothing. */
  private static long columnSeed(long seed, String column) {
    return Seeds.derive(seed, column.hashCode());
  }

  private int encodedLength(int rows) {
    long length = (long) rows * width;
    if (length > Integer.MAX_VALUE - 8) {
      throw new InvalidInputException(rows + " rows of encoded width " + width + " do not fit in one Java array."
          + " Transform the table in slices of at most " + ((Integer.MAX_VALUE - 8) / width) + " rows.");
    }
    return (int) length;
  }

  private void checkColumns(Table table) {
    List<ColumnSpec> expected = columns();
    List<ColumnSpec> actual = table.columns();
    boolean same = expected.size() == actual.size() && actual.containsAll(expected);
    if (!same) {
      throw new InvalidInputException("The table's columns " + describe(actual) + " differ from the columns the "
          + "transformer was fitted on " + describe(expected) + ". Give it a table with exactly those columns.");
    }
  }

  private static String describe(List<ColumnSpec> columns) {
    return columns.stream().map(c -> c.name() + " (" + c.kind().name().toLowerCase(Locale.ROOT) + ")")
        .toList().toString();
  }
}
