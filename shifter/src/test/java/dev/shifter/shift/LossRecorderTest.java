package dev.shifter.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LossRecorderTest {

  @Test
  void aLongRunRecordsTheMeanOfEveryWindowOfSteps() {
    LossRecorder recorder = new LossRecorder(List.of(), 2000);
    for (int step = 1; step <= 10; step++) {
      recorder.add(step, step, Map.of("meta_loss", 2.0 * step), step < 6 ? Double.NaN : 0.5);
    }
    recorder.flush(0.25);

    List<StepLoss> points = recorder.points();
    assertThat(points).extracting(StepLoss::step).containsExactly(4, 8, 10);
    assertThat(points.get(0).loss()).isCloseTo(2.5, within(1e-12));
    assertThat(points.get(1).loss()).isCloseTo(6.5, within(1e-12));
    assertThat(points.get(2).loss()).isCloseTo(9.5, within(1e-12));
    assertThat(points.get(2).terms().get("meta_loss")).isCloseTo(19.0, within(1e-12));
    assertThat(points.get(0).worstRelativeError()).isNaN();
    assertThat(points.get(1).worstRelativeError()).isEqualTo(0.5);
    assertThat(points.get(2).worstRelativeError()).isEqualTo(0.25);
  }

  @Test
  void flushingWithoutNewStepsAddsNoPoint() {
    LossRecorder recorder = new LossRecorder(List.of(new StepLoss(3, 1.0, Map.of(), Double.NaN)), 10);
    recorder.add(4, 2.0, Map.of(), Double.NaN);
    recorder.flush(Double.NaN);
    recorder.flush(Double.NaN);

    assertThat(recorder.points()).extracting(StepLoss::step).containsExactly(3, 4);
  }

  @Test
  void theManifestFormKeepsEveryPointTermAndMissingValue() {
    List<StepLoss> points = List.of(new StepLoss(1, 3.0, Map.of("meta_loss", 2.0), Double.NaN),
        new StepLoss(2, 1.5, Map.of("meta_loss", 1.0, "extra", 0.5), 0.1));

    List<StepLoss> back = LossRecorder.fromManifest(LossRecorder.toManifest(points));

    assertThat(back).hasSize(2);
    assertThat(back.get(0).terms()).containsOnlyKeys("meta_loss");
    assertThat(back.get(0).worstRelativeError()).isNaN();
    assertThat(back.get(1)).isEqualTo(points.get(1));
    assertThat(LossRecorder.fromManifest(null)).isEmpty();
  }
}
