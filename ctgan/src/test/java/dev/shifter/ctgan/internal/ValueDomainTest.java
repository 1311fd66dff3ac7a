package dev.shifter.ctgan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class ValueDomainTest {
  @Test
  void wholeNumbersAreRoundedToNoDecimals() {
    ValueDomain domain = ValueDomain.of(new double[] {0, 0, 40, 99999, 3});
    assertThat(domain).isEqualTo(new ValueDomain(0, 99999, 0));
    assertThat(domain.apply(0.3)).isEqualTo(0.0);
    assertThat(domain.apply(-12.7)).isEqualTo(0.0);
    assertThat(domain.apply(41.6)).isEqualTo(42.0);
    assertThat(domain.apply(1e6)).isEqualTo(99999.0);
  }

  @Test
  void decimalsAreTheFewestThatWriteEveryValue() {
    assertThat(ValueDomain.of(new double[] {5.1, 4.9, 7.0}).decimals()).isEqualTo(1);
    assertThat(ValueDomain.of(new double[] {0.25, 1.5}).decimals()).isEqualTo(2);
    assertThat(ValueDomain.of(new double[] {Math.PI, 1}).decimals()).isEqualTo(ValueDomain.NOT_ROUNDED);
    assertThat(ValueDomain.of(new double[] {5.1, 4.9}).apply(5.04)).isCloseTo(5.0, offset(1e-12));
  }

  @Test
  void aFloatValueIsRoundedAsInFloatArithmeticButReturnedAsTheExactDecimal() {
    ValueDomain domain = new ValueDomain(0, 100, 1);
    assertThat(domain.apply(5.1f)).isEqualTo(5.1);
    assertThat(domain.apply(7.25f)).as("a tie is rounded half to even, as torch.round does").isEqualTo(7.2);
    assertThat(domain.apply(-3f)).isEqualTo(0.0);
    assertThat(new ValueDomain(0, 10, ValueDomain.NOT_ROUNDED).apply(2.5f)).isEqualTo(2.5);
  }

  @Test
  void aColumnWithTooManyDecimalsIsOnlyClipped() {
    ValueDomain domain = ValueDomain.of(new double[] {-1.23456, 2.5});
    assertThat(domain.rounds()).isFalse();
    assertThat(domain.apply(1.2345678)).isEqualTo(1.2345678);
    assertThat(domain.apply(-7)).isEqualTo(-1.23456);
  }

  @Test
  void missingValuesStayMissingAndNoValuesMeanNoBounds() {
    assertThat(ValueDomain.of(new double[] {1, 2}).apply(Double.NaN)).isNaN();
    assertThat(ValueDomain.of(new double[0])).isEqualTo(ValueDomain.UNBOUNDED);
    assertThat(ValueDomain.UNBOUNDED.apply(-1e300)).isEqualTo(-1e300);
  }

  @Test
  void hugeValuesAreNotRoundedBeyondWhatADoubleHolds() {
    assertThat(ValueDomain.of(new double[] {1e20, 3e20}).decimals()).isEqualTo(ValueDomain.NOT_ROUNDED);
  }
}
