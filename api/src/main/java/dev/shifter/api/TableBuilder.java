package dev.shifter.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * Builds a {@link Table} column by column from Java arrays. Every column must have the same number of
 * rows. If {@link #build()} is never called, {@link #close()} frees what was added.
 *
 * <pre>{@code
 * try (TableBuilder b = new TableBuilder(allocator)) {
 *   Table t = b.addContinuous("age", ages).addCategorical("sex", sexes).build();
 * }
 * }</pre>
 */
public final class TableBuilder implements AutoCloseable {
  private final BufferAllocator allocator;
  private final List<FieldVector> vectors = new ArrayList<>();
  private final Set<String> names = new HashSet<>();
  private int rows = -1;
  private boolean built;

  /**
   * Starts an empty table.
   *
   * @param allocator the Arrow allocator that will own the vectors
   */
  public TableBuilder(BufferAllocator allocator) {
    this.allocator = allocator;
  }

  /**
   * Adds a continuous column. {@code NaN} entries are stored as missing values.
   *
   * @param name a name not used yet
   * @param values one value per row
   * @return this builder
   */
  public TableBuilder addContinuous(String name, double[] values) {
    checkColumn(name, values.length);
    Float8Vector vector = new Float8Vector(name, allocator);
    vectors.add(vector);
    vector.allocateNew(values.length);
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        vector.setNull(i);
      } else {
        vector.set(i, values[i]);
      }
    }
    vector.setValueCount(values.length);
    return this;
  }

  /**
   * Adds a categorical column. {@code null} entries are stored as missing values.
   *
   * @param name a name not used yet
   * @param values one label per row
   * @return this builder
   */
  public TableBuilder addCategorical(String name, @Nullable String[] values) {
    checkColumn(name, values.length);
    VarCharVector vector = new VarCharVector(name, allocator);
    vectors.add(vector);
    vector.allocateNew(values.length);
    for (int i = 0; i < values.length; i++) {
      String value = values[i];
      if (value == null) {
        vector.setNull(i);
      } else {
        vector.setSafe(i, value.getBytes(StandardCharsets.UTF_8));
      }
    }
    vector.setValueCount(values.length);
    return this;
  }

  /**
   * Adds a column that already lives in Arrow memory; the builder takes ownership.
   *
   * @param vector a {@link Float8Vector} or {@link VarCharVector} whose value count is set
   * @return this builder
   */
  public TableBuilder addVector(FieldVector vector) {
    try {
      checkColumn(vector.getName(), vector.getValueCount());
    } catch (RuntimeException e) {
      vector.close();
      throw e;
    }
    vectors.add(vector);
    return this;
  }

  private void checkColumn(String name, int length) {
    if (built) {
      throw new IllegalStateException("build() was already called; start a new TableBuilder.");
    }
    if (!names.add(name)) {
      throw new InvalidInputException("Column '" + name + "' appears twice. Give every column a unique name.");
    }
    if (rows >= 0 && rows != length) {
      throw new InvalidInputException("Column '" + name + "' has " + length + " rows but the earlier columns have "
          + rows + ". All columns of a table must have the same length.");
    }
    rows = length;
  }

  /**
   * Returns the table; the builder gives up ownership of the vectors.
   *
   * @return the table
   */
  public Table build() {
    if (built) {
      throw new IllegalStateException("build() was already called; start a new TableBuilder.");
    }
    VectorSchemaRoot root = new VectorSchemaRoot(vectors);
    root.setRowCount(Math.max(rows, 0));
    built = true;
    return Table.wrap(root);
  }

  /** Frees the vectors unless {@link #build()} handed them to a table. */
  @Override
  public void close() {
    if (!built) {
      vectors.forEach(FieldVector::close);
      built = true;
    }
  }
}
