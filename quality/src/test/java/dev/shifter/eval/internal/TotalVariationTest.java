package dev.shifter.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TotalVariationTest {

  @Test
  void distanceIsHalfTheSumOfShareDifferencesWithMissingAsACategory() {
    // a: x 1/2, y 1/4, missing 1/4; b: x 1/4, y 1/2, z 1/4. |differences| 1/4 each over x, y, missing, z.
    @Nullable String[] a = {"x", "x", "y", null};
    @Nullable String[] b = {"x", "y", "y", "z"};

    assertThat(TotalVariation.distance(a, b)).isCloseTo(0.5, within(1e-12));
    assertThat(TotalVariation.complement(a, b)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void samplesOfDifferentSizesCompareShares() {
    // a: p 1/2, q 1/2; b: p 2/3, q 1/3. Distance 0.5 * (1/6 + 1/6).
    assertThat(TotalVariation.complement(new String[] {"p", "q"}, new String[] {"p", "p", "q"}))
        .isCloseTo(1 - 1.0 / 6, within(1e-12));
  }

  @Test
  void complementIsOneForEqualSharesAndZeroForDisjointCategories() {
    assertThat(TotalVariation.complement(new String[] {"a", "b"}, new String[] {"b", "a", "a", "b"})).isEqualTo(1.0);
    assertThat(TotalVariation.complement(new String[] {"a"}, new String[] {"b", "c"})).isEqualTo(0.0);
  }

  @Test
  void aMissingValueDiffersFromEveryLabel() {
    assertThat(TotalVariation.complement(new @Nullable String[] {null, null}, new String[] {"", ""}))
        .isEqualTo(0.0);
  }
}
