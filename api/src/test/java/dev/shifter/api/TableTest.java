package dev.shifter.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TableTest {
  private final BufferAllocator allocator = new RootAllocator();
  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    manager.close();
    allocator.close();
  }

  @Test
  void continuousColumnsBecomeAFloatMatrixInTheRequestedOrder() {
    try (Table table = new TableBuilder(allocator)
            .addContinuous("a", new double[] {1, 2, 3})
            .addCategorical("c", new String[] {"x", "y", null})
            .addContinuous("b", new double[] {10, 20, 30.5})
            .build();
        ContinuousMatrix m = table.toMatrix(manager, java.util.List.of("b", "a"))) {
      assertThat(m.values().getShape().getShape()).containsExactly(3, 2);
      assertThat(m.values().toFloatArray()).containsExactly(10f, 1f, 20f, 2f, 30.5f, 3f);
      assertThat(m.droppedRows()).isZero();
      assertThat(table.continuousColumnNames()).containsExactly("a", "b");
      assertThat(table.categoricalValue("c", 2)).isNull();
    }
  }

  @Test
  void rowsWithAMissingValueInAChosenColumnAreDroppedAndCounted() {
    try (Table table = new TableBuilder(allocator)
            .addContinuous("a", new double[] {1, Double.NaN, 3, 4})
            .addContinuous("b", new double[] {5, 6, 7, Double.NaN})
            .build();
        ContinuousMatrix both = table.toMatrix(manager);
        ContinuousMatrix onlyB = table.toMatrix(manager, java.util.List.of("b"))) {
      assertThat(both.values().toFloatArray()).containsExactly(1f, 5f, 3f, 7f);
      assertThat(both.droppedRows()).isEqualTo(2);
      assertThat(onlyB.values().toFloatArray()).containsExactly(5f, 6f, 7f);
      assertThat(onlyB.droppedRows()).isEqualTo(1);
    }
  }

  @Test
  void aCategoricalColumnCannotBeUsedAsAContinuousOne() {
    try (Table table = new TableBuilder(allocator)
        .addContinuous("a", new double[] {1})
        .addCategorical("c", new String[] {"x"})
        .build()) {
      assertThatThrownBy(() -> table.toMatrix(manager, java.util.List.of("c")))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("'c' is categorical")
          .hasMessageContaining("a");
    }
  }

  @Test
  void columnsOfDifferentLengthsAreRefused() {
    try (TableBuilder builder = new TableBuilder(allocator)) {
      builder.addContinuous("a", new double[] {1, 2});
      assertThatThrownBy(() -> builder.addContinuous("b", new double[] {1}))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("same length");
    }
  }

  @Test
  void takeRowsCopiesTheChosenRowsInOrderWithMissingValuesKept() {
    try (Table table = new TableBuilder(allocator)
            .addContinuous("a", new double[] {1, Double.NaN, 3})
            .addCategorical("c", new String[] {"x", "y", null})
            .build();
        Table taken = table.takeRows(allocator, new int[] {2, 0, 1, 0})) {
      assertThat(taken.rowCount()).isEqualTo(4);
      assertThat(taken.columns()).isEqualTo(table.columns());
      assertThat(taken.continuousValue("a", 0)).isEqualTo(3.0);
      assertThat(taken.continuousValue("a", 2)).isNull();
      assertThat(taken.categoricalValue("c", 0)).isNull();
      assertThat(taken.categoricalValue("c", 3)).isEqualTo("x");
      assertThatThrownBy(() -> table.takeRows(allocator, new int[] {3}))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("outside");
    }
  }
}
