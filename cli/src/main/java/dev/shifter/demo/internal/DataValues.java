package dev.shifter.demo.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.shifter.api.ContinuousMatrix;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.RegisteredMetaFeature;
import dev.shifter.api.Table;
import dev.shifter.shift.TargetEntry;
import dev.shifter.shift.Targets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The value of each target entry in a table, computed with the installed meta-features. */
public final class DataValues {
  private DataValues() {}

  /**
   * Computes the value of each entry on the table's continuous columns (rows with a missing value in any
   * of them left out), each feature once.
   *
   * @param table the table
   * @param targets the entries, already {@linkplain Targets#validate validated} against the table's columns
   * @param registry the meta-features
   * @return one value per entry, in target order; NaN for an entry the table has no value for
   */
  public static double[] of(Table table, Targets targets, MetaFeatureRegistry registry) {
    List<TargetEntry> entries = targets.entries();
    double[] values = new double[entries.size()];
    Map<String, float[]> computed = new HashMap<>();
    try (NDManager manager = NDManager.newBaseManager();
        ContinuousMatrix matrix = table.toMatrix(manager)) {
      for (int i = 0; i < entries.size(); i++) {
        TargetEntry entry = entries.get(i);
        RegisteredMetaFeature feature = registry.get(entry.feature());
        float[] result = computed.computeIfAbsent(entry.feature(), name -> {
          try (NDManager step = manager.newSubManager()) {
            NDArray output = feature.compute(matrix.values());
            output.attach(step);
            return output.toFloatArray();
          }
        });
        int index = feature.feature().arity().labels(matrix.columns()).indexOf(entry.key());
        values[i] = index >= 0 && index < result.length ? result[index] : Double.NaN;
      }
    }
    return values;
  }
}
