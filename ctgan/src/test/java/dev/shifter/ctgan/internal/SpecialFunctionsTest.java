package dev.shifter.ctgan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {
  @Test
  void logGammaMatchesKnownValues() {
    assertThat(SpecialFunctions.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-13));
    assertThat(SpecialFunctions.logGamma(1.0)).isCloseTo(0.0, within(1e-13));
    assertThat(SpecialFunctions.logGamma(10.0)).isCloseTo(Math.log(362_880.0), within(1e-12));
    assertThat(SpecialFunctions.logGamma(1e-3)).isCloseTo(6.907178885383854, within(1e-12));
    assertThat(SpecialFunctions.logGamma(123.4)).isCloseTo(469.3360974421906, within(1e-10));
  }

  @Test
  void digammaMatchesKnownValues() {
    assertThat(SpecialFunctions.digamma(1.0)).isCloseTo(-0.5772156649015329, within(1e-13));
    assertThat(SpecialFunctions.digamma(0.5)).isCloseTo(-1.9635100260214235, within(1e-13));
    assertThat(SpecialFunctions.digamma(1e-3)).isCloseTo(-1000.5755719318103, within(1e-9));
    assertThat(SpecialFunctions.digamma(7.9)).isCloseTo(2.002238487563571, within(1e-13));
    assertThat(SpecialFunctions.digamma(123.4)).isCloseTo(4.8113737751162775, within(1e-13));
  }

  @Test
  void nonPositiveArgumentsAreRefused() {
    assertThatThrownBy(() -> SpecialFunctions.digamma(0.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SpecialFunctions.logGamma(-1.0)).isInstanceOf(IllegalArgumentException.class);
  }
}
