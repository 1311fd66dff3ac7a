package dev.shifter.spark.internal;

import dev.shifter.api.ColumnKind;
import dev.shifter.api.ColumnSpec;
import dev.shifter.api.Table;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.jspecify.annotations.Nullable;

/**
 * The rows of one generated partition as Spark rows, read from its Arrow table one at a time; the table and
 * its allocator are closed when the last row is read or when the task ends, whichever comes first.
 */
final class TableRows implements Iterator<Row>, AutoCloseable {
  private final Table table;
  private final BufferAllocator allocator;
  private final @Nullable Float8Vector[] continuous;
  private final @Nullable VarCharVector[] categorical;
  private final List<Map<ByteBuffer, String>> categories;
  private final @Nullable Integer point;
  private final int rows;
  private int next;
  private boolean closed;

  TableRows(Table table, BufferAllocator allocator) {
    this(table, allocator, null);
  }

  /** Rows of a sweep's point: its number comes first. */
  TableRows(Table table, BufferAllocator allocator, @Nullable Integer point) {
    this.point = point;
    this.table = table;
    this.allocator = allocator;
    List<ColumnSpec> columns = table.columns();
    this.continuous = new Float8Vector[columns.size()];
    this.categorical = new VarCharVector[columns.size()];
    this.categories = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      ColumnSpec column = columns.get(c);
      if (column.kind() == ColumnKind.CONTINUOUS) {
        continuous[c] = table.continuous(column.name());
      } else {
        categorical[c] = table.categorical(column.name());
      }
      categories.add(new HashMap<>());
    }
    this.rows = table.rowCount();
    if (rows == 0) {
      close();
    }
  }

  @Override
  public boolean hasNext() {
    return next < rows;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException("The partition has " + rows + " rows, all read.");
    }
    int offset = point == null ? 0 : 1;
    Object[] values = new Object[continuous.length + offset];
    if (point != null) {
      values[0] = point;
    }
    for (int c = 0; c < continuous.length; c++) {
      Float8Vector numbers = continuous[c];
      if (numbers != null) {
        values[c + offset] = numbers.isNull(next) ? null : numbers.get(next);
      } else {
        values[c + offset] = category(c, Objects.requireNonNull(categorical[c]));
      }
    }
    next++;
    if (next == rows) {
      close();
    }
    return RowFactory.create(values);
  }

  /** A column holds few categories: each is decoded once, not once per row. */
  private @Nullable String category(int column, VarCharVector vector) {
    if (vector.isNull(next)) {
      return null;
    }
    byte[] bytes = vector.get(next);
    return categories.get(column).computeIfAbsent(ByteBuffer.wrap(bytes),
        key -> new String(bytes, StandardCharsets.UTF_8));
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      try {
        table.close();
      } finally {
        allocator.close();
      }
    }
  }
}
