package dev.shifter.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class NativeMemoryTrendTest {

  private static List<Long> megabytes(double... mb) {
    List<Long> kb = new ArrayList<>();
    for (double m : mb) {
      kb.add(Math.round(m * 1024));
    }
    return kb;
  }

  @Test
  void aOneOffStepOfAMallocArenaLeavesTheMedianIncreaseNearZero() {
    NativeMemoryTrend trend = new NativeMemoryTrend(
        megabytes(603, 313, 307, 308, 308, 308, 296, 298, 378, 375, 375, 375, 375));

    assertThat(trend.medianIncreaseMb()).isCloseTo(0.0, within(0.5));
    assertThat(trend.growthMb(4)).isCloseTo(68.0, within(0.1));
  }

  @Test
  void aSteadyLeakRaisesTheMedianIncreaseToTheLeakPerInterval() {
    List<Long> samples = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      samples.add(Math.round((300 + 5.0 * i + (i == 6 ? 64 : 0)) * 1024));
    }
    NativeMemoryTrend trend = new NativeMemoryTrend(samples);

    assertThat(trend.medianIncreaseMb()).isCloseTo(5.0, within(0.01));
    assertThat(trend.growthMb(3)).isCloseTo(50.0, within(0.01));
  }

  @Test
  void theMedianOfAnEvenNumberOfIncreasesIsTheMeanOfTheMiddleTwo() {
    NativeMemoryTrend trend = new NativeMemoryTrend(megabytes(10, 11, 14, 14, 20));

    assertThat(trend.medianIncreaseMb()).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void fewerThanTwoSamplesAreRefused() {
    assertThatThrownBy(() -> new NativeMemoryTrend(List.of(1L))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least two samples");
  }

  @Test
  void describeNamesEverySampleAndBothFigures() {
    String text = new NativeMemoryTrend(megabytes(100, 101, 102)).describe(1);

    assertThat(text).contains("[100, 101, 102]").contains("median increase per interval 1.00 MB")
        .contains("growth lowest of first 1 to lowest of last 1 2.0 MB");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aSteadyNativeLeakOf64KilobytesAStepShowsInTheSampledMedianIncrease() {
    List<ByteBuffer> leaked = new ArrayList<>();
    List<Long> samples = new ArrayList<>();
    samples.add(NativeMemoryTrend.sample());
    for (int step = 1; step <= 3000; step++) {
      leaked.add(ByteBuffer.allocateDirect(64 << 10));
      if (step % 250 == 0) {
        samples.add(NativeMemoryTrend.sample());
      }
    }
    NativeMemoryTrend trend = new NativeMemoryTrend(samples);

    assertThat(trend.medianIncreaseMb()).as(trend.describe(3)).isCloseTo(15.6, within(4.0));
    assertThat(trend.growthMb(3)).as(trend.describe(3)).isGreaterThan(100.0);
    Reference.reachabilityFence(leaked);
  }
}
