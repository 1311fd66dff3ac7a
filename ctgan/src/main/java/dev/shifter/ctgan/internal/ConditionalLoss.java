package dev.shifter.ctgan.internal;

import dev.shifter.api.EngineScalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The generator's conditional loss (Xu et al. 2019, section 4.3): the cross-entropy between the
 * generator's raw logits on the conditioned column's one-hot block and the category the
 * conditional vector asks for, averaged over the batch.
 *
 * <p>The log-softmax of every discrete block is taken back to the conditional vector's layout, so
 * that {@code -sum(cond * logSoftmax) / n} is the cross-entropy of the conditioned column of each
 * row: the conditional vector is zero outside the chosen column, so it also acts as the column mask.
 */
public final class ConditionalLoss {
  private final @Nullable SegmentLayout layout;
  private final long[] toCond;

  /**
   * Builds the loss for the discrete columns of an encoded row.
   *
   * @param discrete the discrete columns (their data offsets and their offsets in the conditional
   *     vector)
   * @param condWidth the width of the conditional vector
   */
  public ConditionalLoss(List<DiscreteColumnInfo> discrete, int condWidth) {
    if (discrete.isEmpty()) {
      this.layout = null;
      this.toCond = new long[0];
      return;
    }
    int[] offsets = discrete.stream().mapToInt(DiscreteColumnInfo::dataOffset).toArray();
    int[] widths = discrete.stream().mapToInt(DiscreteColumnInfo::categories).toArray();
    int[] condOffsets = discrete.stream().mapToInt(DiscreteColumnInfo::condOffset).toArray();
    SegmentLayout segments = new SegmentLayout(offsets, widths);
    this.layout = segments;
    this.toCond = segments.backIndex(condOffsets, condWidth);
  }

  /**
   * Computes the mean cross-entropy of the conditioned columns.
   *
   * @param logits the generator's raw output (before activation), {@code n x width}
   * @param cond the conditional vectors, {@code n x condWidth}
   * @return a scalar; 0 when there is no discrete column
   */
  public NDArray of(NDArray logits, NDArray cond) {
    SegmentLayout segments = layout;
    long n = logits.getShape().get(0);
    if (segments == null) {
      return logits.getManager().zeros(new Shape(), logits.getDataType());
    }
    NDArray logProbabilities = segments.softmax(logits, true);
    NDArray inCondLayout = SegmentLayout.gatherBack(logProbabilities, toCond);
    NDArray total = inCondLayout.mul(cond).sum();
    return total.mul(EngineScalars.of(total, -1.0 / n));
  }
}
