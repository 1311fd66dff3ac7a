package dev.shifter.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.internal.TableViews;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.jspecify.annotations.Nullable;

/**
 * A table held in Apache Arrow memory: continuous columns as {@link Float8Vector}, categorical columns
 * as {@link VarCharVector}, a null entry meaning a missing value. The table owns its vectors and frees
 * them on {@link #close()}; build one with {@link TableBuilder} or wrap an Arrow root with
 * {@link #wrap(VectorSchemaRoot)}.
 */
public final class Table implements AutoCloseable {
  private final VectorSchemaRoot root;
  private final List<ColumnSpec> columns;

  private Table(VectorSchemaRoot root, List<ColumnSpec> columns) {
    this.root = root;
    this.columns = List.copyOf(columns);
  }

  /**
   * Takes ownership of an Arrow root whose vectors are all {@link Float8Vector} (continuous) or
   * {@link VarCharVector} (categorical).
   *
   * @param root the vectors; closed when the table is closed
   * @return the table
   * @throws InvalidInputException if a vector has another type or two columns share a name
   */
  public static Table wrap(VectorSchemaRoot root) {
    List<ColumnSpec> specs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (FieldVector vector : root.getFieldVectors()) {
      String name = vector.getName();
      if (!seen.add(name)) {
        throw new InvalidInputException("Column '" + name + "' appears twice. Give every column a unique name.");
      }
      if (vector instanceof Float8Vector) {
        specs.add(new ColumnSpec(name, ColumnKind.CONTINUOUS));
      } else if (vector instanceof VarCharVector) {
        specs.add(new ColumnSpec(name, ColumnKind.CATEGORICAL));
      } else {
        throw new InvalidInputException("Column '" + name + "' has Arrow type " + vector.getMinorType()
            + "; Shifter tables hold FLOAT8 (continuous) or VARCHAR (categorical) columns. Cast it first.");
      }
    }
    return new Table(root, specs);
  }

  /**
   * Returns the columns in order.
   *
   * @return the column specs
   */
  public List<ColumnSpec> columns() {
    return columns;
  }

  /**
   * Returns the names of all columns in order.
   *
   * @return the names
   */
  public List<String> columnNames() {
    return columns.stream().map(ColumnSpec::name).toList();
  }

  /**
   * Returns the names of the continuous columns in table order.
   *
   * @return the names
   */
  public List<String> continuousColumnNames() {
    return columns.stream().filter(c -> c.kind() == ColumnKind.CONTINUOUS).map(ColumnSpec::name).toList();
  }

  /**
   * Returns the names of the categorical columns in table order.
   *
   * @return the names
   */
  public List<String> categoricalColumnNames() {
    return columns.stream().filter(c -> c.kind() == ColumnKind.CATEGORICAL).map(ColumnSpec::name).toList();
  }

  /**
   * Returns the column with this name.
   *
   * @param name the column name
   * @return its spec
   * @throws InvalidInputException if there is no such column; the message lists the columns
   */
  public ColumnSpec column(String name) {
    for (ColumnSpec spec : columns) {
      if (spec.name().equals(name)) {
        return spec;
      }
    }
    throw new InvalidInputException("No column named '" + name + "'. The table's columns are: "
        + String.join(", ", columnNames()) + ".");
  }

  /**
   * Returns the number of rows.
   *
   * @return the row count
   */
  public int rowCount() {
    return root.getRowCount();
  }

  /**
   * Returns the underlying Arrow vectors; they stay owned by this table.
   *
   * @return the Arrow root
   */
  public VectorSchemaRoot arrow() {
    return root;
  }

  /**
   * Returns a continuous column's vector.
   *
   * @param name the column name
   * @return its vector, owned by this table
   * @throws InvalidInputException if the column is missing or categorical
   */
  public Float8Vector continuous(String name) {
    if (column(name).kind() != ColumnKind.CONTINUOUS) {
      throw new InvalidInputException("Column '" + name + "' is categorical, not continuous. Continuous columns: "
          + String.join(", ", continuousColumnNames()) + ".");
    }
    return (Float8Vector) root.getVector(name);
  }

  /**
   * Returns a categorical column's vector.
   *
   * @param name the column name
   * @return its vector, owned by this table
   * @throws InvalidInputException if the column is missing or continuous
   */
  public VarCharVector categorical(String name) {
    if (column(name).kind() != ColumnKind.CATEGORICAL) {
      throw new InvalidInputException("Column '" + name + "' is continuous, not categorical. Categorical columns: "
          + String.join(", ", categoricalColumnNames()) + ".");
    }
    return (VarCharVector) root.getVector(name);
  }

  /**
   * Returns one continuous value.
   *
   * @param column the column name
   * @param row the row index
   * @return the value, or {@code null} when missing
   */
  public @Nullable Double continuousValue(String column, int row) {
    Float8Vector vector = continuous(column);
    return vector.isNull(row) ? null : vector.get(row);
  }

  /**
   * Returns one categorical value.
   *
   * @param column the column name
   * @param row the row index
   * @return the label, or {@code null} when missing
   */
  public @Nullable String categoricalValue(String column, int row) {
    VarCharVector vector = categorical(column);
    return vector.isNull(row) ? null : new String(vector.get(row), StandardCharsets.UTF_8);
  }

  /**
   * The view a meta-feature sees of this table ({@link MetaFeature#compute(TableView)}): every continuous
   * column that is not entirely missing, every categorical column, and the label, over the rows with a value
   * in all of them. The number of rows left out is {@code rowCount() - view.rows()}.
   *
   * @param manager the manager that will own the view's arrays
   * @param label the label column, or {@code null} for none; a continuous label's numbers become its classes
   * @return the view
   * @throws InvalidInputException if the label is not a column of the table
   */
  public TableView toView(NDManager manager, @Nullable String label) {
    List<String> continuous = continuousColumnNames().stream()
        .filter(name -> rowCount() == 0 || continuous(name).getNullCount() < rowCount()).toList();
    return TableViews.of(this, manager, continuous, label);
  }

  /**
   * Copies all continuous columns into an {@code n x d} float32 matrix.
   *
   * @param manager the manager that will own the matrix
   * @return the matrix with its column names and the number of rows dropped for missing values
   */
  public ContinuousMatrix toMatrix(NDManager manager) {
    return toMatrix(manager, continuousColumnNames());
  }

  /**
   * Copies the chosen continuous columns into an {@code n x d} float32 matrix, in the order given.
   * Whole columns move from Arrow memory to native tensors at once; rows with a missing value in any
   * chosen column are left out and counted in {@link ContinuousMatrix#droppedRows()}.
   *
   * @param manager the manager that will own the matrix
   * @param names the continuous columns to take, at least one
   * @return the matrix with its column names and the number of rows dropped
   * @throws InvalidInputException if a name is unknown or categorical, or none is given
   */
  public ContinuousMatrix toMatrix(NDManager manager, List<String> names) {
    if (names.isEmpty()) {
      throw new InvalidInputException("No continuous column selected. This table's continuous columns are: "
          + (continuousColumnNames().isEmpty() ? "(none)" : String.join(", ", continuousColumnNames())) + ".");
    }
    int rows = rowCount();
    List<Float8Vector> vectors = names.stream().map(this::continuous).toList();
    try (NDManager scratch = manager.newSubManager()) {
      NDList columnsOnDevice = new NDList(vectors.size());
      for (Float8Vector vector : vectors) {
        columnsOnDevice.add(columnArray(scratch, vector, rows));
      }
      NDArray matrix = NDArrays.stack(columnsOnDevice, 1).toType(DataType.FLOAT32, false);
      int dropped = 0;
      if (vectors.stream().anyMatch(v -> v.getNullCount() > 0)) {
        int[] complete = completeRows(vectors, rows);
        dropped = rows - complete.length;
        matrix = matrix.get(scratch.create(complete));
      }
      matrix.attach(manager);
      return new ContinuousMatrix(matrix, names, dropped);
    }
  }

  private static NDArray columnArray(NDManager manager, Float8Vector vector, int rows) {
    if (rows == 0) {
      return manager.zeros(new Shape(0), DataType.FLOAT64);
    }
    ByteBuffer bytes = vector.getDataBuffer().nioBuffer(0, rows * Float8Vector.TYPE_WIDTH)
        .order(ByteOrder.LITTLE_ENDIAN);
    return manager.create(bytes, new Shape(rows), DataType.FLOAT64);
  }

  private static int[] completeRows(List<Float8Vector> vectors, int rows) {
    int[] kept = new int[rows];
    int count = 0;
    for (int row = 0; row < rows; row++) {
      boolean complete = true;
      for (Float8Vector vector : vectors) {
        if (vector.isNull(row)) {
          complete = false;
          break;
        }
      }
      if (complete) {
        kept[count++] = row;
      }
    }
    return Arrays.copyOf(kept, count);
  }

  /**
   * Copies the given rows, in the given order, into a new table with the same columns.
   *
   * @param allocator the allocator that will own the new table
   * @param rows row indices into this table; repeats are allowed
   * @return the new table, which the caller must close
   * @throws InvalidInputException if an index is out of range
   */
  public Table takeRows(BufferAllocator allocator, int[] rows) {
    int count = rowCount();
    for (int row : rows) {
      if (row < 0 || row >= count) {
        throw new InvalidInputException("Row index " + row + " is outside this table's " + count + " rows.");
      }
    }
    List<FieldVector> copies = new ArrayList<>(columns.size());
    try {
      for (FieldVector source : root.getFieldVectors()) {
        FieldVector copy = source.getField().createVector(allocator);
        copies.add(copy);
        copy.setInitialCapacity(rows.length);
        copy.allocateNew();
        for (int i = 0; i < rows.length; i++) {
          copy.copyFromSafe(rows[i], i, source);
        }
        copy.setValueCount(rows.length);
      }
    } catch (RuntimeException e) {
      copies.forEach(FieldVector::close);
      throw e;
    }
    VectorSchemaRoot copied = new VectorSchemaRoot(copies);
    copied.setRowCount(rows.length);
    return wrap(copied);
  }

  /** Frees the table's Arrow memory. */
  @Override
  public void close() {
    root.close();
  }
}
