package dev.shifter.spark.internal;

import dev.shifter.api.ColumnKind;
import dev.shifter.api.ColumnSpec;
import dev.shifter.api.Table;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The rows of one generated partition as Spark rows, read from its Arrow table one at a time; the table and
 * its allocator are closed when the last row is read or when the task ends, whichever comes first.
 */
final class TableRows implements Iterator<Row>, AutoCloseable {
  private final Table table;
  private final BufferAllocator allocator;
  private final List<ColumnSpec> columns;
  private final int rows;
  private int next;
  private boolean closed;

  TableRows(Table table, BufferAllocator allocator) {
    this.table = table;
    this.allocator = allocator;
    this.columns = table.columns();
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
    Object[] values = new Object[columns.size()];
    for (int c = 0; c < values.length; c++) {
      ColumnSpec column = columns.get(c);
      values[c] = column.kind() == ColumnKind.CONTINUOUS ? table.continuousValue(column.name(), next)
          : table.categoricalValue(column.name(), next);
    }
    next++;
    if (next == rows) {
      close();
    }
    return RowFactory.create(values);
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
