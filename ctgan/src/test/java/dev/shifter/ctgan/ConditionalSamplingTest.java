package dev.shifter.ctgan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shifter.api.Table;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

class ConditionalSamplingTest {

  @Test
  void conditioningOnTheSecondOrThirdCategoricalColumnGivesRowsWithTheAskedValue() {
    try (BufferAllocator allocator = new RootAllocator();
        Table data = TestTables.easy(allocator, 600, 2);
        CtganModel model = CtganTrainer.builder().setData(data)
            .optConfig(TestTables.tiny().optEpochs(40).build()).optSeed(4).build().fit()) {
      for (Condition condition : new Condition[] {Condition.of("b", "w"), Condition.of("c", "k3"),
          Condition.of("c", "k4")}) {
        try (Table sample = model.sample(allocator, 2000, condition, 9)) {
          double share = share(sample, condition);
          assertThat(share).as("%s: %s", condition, counts(sample, condition.column())).isGreaterThanOrEqualTo(0.9);
        }
      }
      try (Table plain = model.sample(allocator, 2000, 9)) {
        assertThat(share(plain, Condition.of("c", "k4"))).isLessThan(0.5);
      }
    }
  }

  private static double share(Table table, Condition condition) {
    int hits = 0;
    for (int row = 0; row < table.rowCount(); row++) {
      if (condition.value().equals(table.categoricalValue(condition.column(), row))) {
        hits++;
      }
    }
    return hits / (double) table.rowCount();
  }

  private static Map<String, Integer> counts(Table table, String column) {
    Map<String, Integer> counts = new TreeMap<>();
    for (int row = 0; row < table.rowCount(); row++) {
      counts.merge(String.valueOf(table.categoricalValue(column, row)), 1, Integer::sum);
    }
    return counts;
  }
}
