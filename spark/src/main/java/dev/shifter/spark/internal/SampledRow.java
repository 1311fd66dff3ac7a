package dev.shifter.spark.internal;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * A row kept by the seeded sample, with its random key: the sample is the rows with the smallest keys,
 * which per-partition samples merge into exactly.
 *
 * @param key the row's uniform key
 * @param continuous its continuous values, NaN where missing
 * @param categorical its categorical values and last its label, null where missing
 */
record SampledRow(double key, double[] continuous, @Nullable String[] categorical) implements Serializable {
  private static final long serialVersionUID = 1L;
}
