package dev.shifter.spark.internal;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * What the executors generate: the model, the Shifter (or none, for the plain CTGAN), the target of a
 * range Shifter, and how the rows are split. Paths must be readable on every executor.
 *
 * @param modelDir the CTGAN model directory
 * @param shifterDir the Shifter directory, or {@code null} for the unshifted model
 * @param targetJson the target of a range Shifter as JSON, or {@code null} for the trained one
 * @param plan the split over partitions
 */
public record GenerationSpec(String modelDir, @Nullable String shifterDir, @Nullable String targetJson,
    PartitionPlan plan) implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * The key of the loaded model (and Shifter) an executor keeps between tasks.
   *
   * @return the key
   */
  String cacheKey() {
    return modelDir + '\u0000' + (shifterDir == null ? "" : shifterDir);
  }
}
