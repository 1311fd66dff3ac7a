package dev.shifter.metafeatures.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuantilePositionTest {

  @Test
  void followsNumpysLinearRule() {
    // numpy.percentile(range(n), 100 p) = lower + fraction for these cases.
    assertThat(QuantilePosition.of(4, 0.25)).isEqualTo(new QuantilePosition(0, 1, 0.75));
    assertThat(QuantilePosition.of(4, 0.75)).isEqualTo(new QuantilePosition(2, 3, 0.25));
    assertThat(QuantilePosition.of(7, 0.5)).isEqualTo(new QuantilePosition(3, 4, 0.0));
    assertThat(QuantilePosition.of(8, 0.5)).isEqualTo(new QuantilePosition(3, 4, 0.5));
  }

  @Test
  void staysInsideTheRowsAtTheEnds() {
    assertThat(QuantilePosition.of(1, 0.75)).isEqualTo(new QuantilePosition(0, 0, 0.0));
    assertThat(QuantilePosition.of(5, 1.0)).isEqualTo(new QuantilePosition(4, 4, 0.0));
    assertThat(QuantilePosition.of(5, 0.0)).isEqualTo(new QuantilePosition(0, 1, 0.0));
  }

  @Test
  void rejectsAProbabilityOutsideTheUnitInterval() {
    assertThatThrownBy(() -> QuantilePosition.of(5, 1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QuantilePosition.of(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
