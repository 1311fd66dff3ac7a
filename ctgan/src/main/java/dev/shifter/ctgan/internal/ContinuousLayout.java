package dev.shifter.ctgan.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Where a continuous column sits in an encoded row, and what a decoder needs to turn it back into data
 * units: {@code value = alpha * 4 * stds[k] + means[k]} for mode {@code k}. A differentiable decoder
 * takes the scalar at {@code alphaOffset} and the mode block at {@code [modeOffset, modeOffset +
 * modeWidth)}; when {@code lastModeIsMissing}, the block's last slot means "missing" and has no mean or
 * standard deviation, so {@code means.length == modeWidth - 1}; otherwise {@code means.length == modeWidth}.
 *
 * @param name the column's name
 * @param alphaOffset the index of the column's scalar (TANH span) in the encoded row
 * @param modeOffset the index of the first slot of its mode block (SOFTMAX span)
 * @param modeWidth the width of the mode block
 * @param means the modes' means, in slot order
 * @param stds the modes' standard deviations, in slot order
 * @param lastModeIsMissing whether the block ends with a "missing" slot
 * @param domain where decoded values are clipped and rounded to
 */
public record ContinuousLayout(String name, int alphaOffset, int modeOffset, int modeWidth, double[] means,
    double[] stds, boolean lastModeIsMissing, ValueDomain domain) {

  /** Copies the arrays. */
  public ContinuousLayout {
    means = means.clone();
    stds = stds.clone();
  }

  /**
   * Returns the modes' means.
   *
   * @return a copy
   */
  @Override
  public double[] means() {
    return means.clone();
  }

  /**
   * Returns the modes' standard deviations.
   *
   * @return a copy
   */
  @Override
  public double[] stds() {
    return stds.clone();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof ContinuousLayout o && name.equals(o.name) && alphaOffset == o.alphaOffset
        && modeOffset == o.modeOffset && modeWidth == o.modeWidth && Arrays.equals(means, o.means)
        && Arrays.equals(stds, o.stds) && lastModeIsMissing == o.lastModeIsMissing
        && domain.equals(o.domain);
  }

  @Override
  public int hashCode() {
    return (((name.hashCode() * 31 + alphaOffset) * 31 + modeOffset) * 31 + Arrays.hashCode(means)) * 31
        + Arrays.hashCode(stds);
  }

  @Override
  public String toString() {
    return "ContinuousLayout[name=" + name + ", alphaOffset=" + alphaOffset + ", modeOffset=" + modeOffset
        + ", modeWidth=" + modeWidth + ", means=" + Arrays.toString(means) + ", stds=" + Arrays.toString(stds)
        + ", lastModeIsMissing=" + lastModeIsMissing + ", domain=" + domain + "]";
  }
}
