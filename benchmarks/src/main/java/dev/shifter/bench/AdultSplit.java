package dev.shifter.bench;

import dev.shifter.api.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A seeded train/test split of a table, stratified by one categorical column. */
final class AdultSplit {
  private AdultSplit() {}

  /**
   * Splits the rows.
   *
   * @return the train rows, then the test rows, each in ascending order
   */
  static int[][] trainTest(Table table, String label, double testFraction, long seed) {
    Map<String, List<Integer>> byClass = new LinkedHashMap<>();
    for (int row = 0; row < table.rowCount(); row++) {
      String value = String.valueOf(table.categoricalValue(label, row));
      byClass.computeIfAbsent(value, k -> new ArrayList<>()).add(row);
    }
    Random random = new Random(seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (List<Integer> rows : byClass.values()) {
      Collections.shuffle(rows, random);
      int testCount = (int) Math.round(rows.size() * testFraction);
      test.addAll(rows.subList(0, testCount));
      train.addAll(rows.subList(testCount, rows.size()));
    }
    Collections.sort(train);
    Collections.sort(test);
    return new int[][] {train.stream().mapToInt(Integer::intValue).toArray(),
        test.stream().mapToInt(Integer::intValue).toArray()};
  }
}
