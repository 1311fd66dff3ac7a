package dev.shifter.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.shifter.api.InvalidInputException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SweepGridTest {
  private static final String GRID = "{\"cor\": {\"age~hours-per-week\": [0.1, 0.6, 6]}, "
      + "\"freq\": {\"income=>50K\": [0.2, 0.5, 4]}}";

  @Test
  void theFullProductHasEveryCombinationWithTheLastAxisChangingFastest() {
    SweepGrid grid = SweepGrid.parse(GRID, "test");
    List<SweepPoint> points = grid.product();

    assertThat(points).hasSize(24);
    assertThat(points.get(0).values()).containsExactly(0.1, 0.2);
    assertThat(points.get(1).values().get(0)).isEqualTo(0.1);
    assertThat(points.get(1).values().get(1)).isCloseTo(0.3, within(1e-12));
    assertThat(points.get(4).values().get(0)).isCloseTo(0.2, within(1e-12));
    assertThat(points.get(23).values()).containsExactly(0.6, 0.5);
    assertThat(points.stream().map(SweepPoint::id)).containsExactlyElementsOf(IntStream.rangeClosed(1, 24).boxed()
        .toList());
  }

  @Test
  void theBoxIsTheTargetRangeOfEveryAxis() {
    SweepGrid grid = SweepGrid.parse(GRID, "test");

    assertThat(grid.box().isRange()).isTrue();
    assertThat(grid.box().entries()).containsExactly(TargetEntry.range("cor", "age~hours-per-week", 0.1, 0.6),
        TargetEntry.range("freq", "income=>50K", 0.2, 0.5));
    assertThat(grid.product().get(5).targets(grid.axes()).entries().get(0).isFixed()).isTrue();
  }

  @Test
  void aLatinHypercubePutsOnePointInEveryStratumOfEveryAxis() {
    SweepGrid grid = SweepGrid.parse(GRID, "test");
    List<SweepPoint> points = grid.latinHypercube(25, 7);

    assertThat(points).hasSize(25);
    for (int a = 0; a < 2; a++) {
      SweepAxis axis = grid.axes().get(a);
      final int index = a;
      List<Integer> strata = points.stream()
          .map(p -> (int) Math.floor((p.values().get(index) - axis.low()) / (axis.high() - axis.low()) * 25))
          .sorted().toList();
      assertThat(strata).as(axis.label()).containsExactlyElementsOf(IntStream.range(0, 25).boxed().toList());
    }
    assertThat(grid.latinHypercube(25, 7)).isEqualTo(points);
    assertThat(grid.latinHypercube(25, 8)).isNotEqualTo(points);
  }

  @Test
  void twoNumbersMeanTwoStepsAndOneStepIsTheLowValue() {
    SweepGrid grid = SweepGrid.parse("{\"mean\": {\"age\": [30, 40], \"spend\": [5, 9, 1]}}", "test");

    assertThat(grid.product()).extracting(SweepPoint::values)
        .containsExactly(List.of(30.0, 5.0), List.of(40.0, 5.0));
  }

  @Test
  void aGridOfTheWrongShapeIsRefusedWithTheShapeItNeeds() {
    assertThatThrownBy(() -> SweepGrid.parse("{\"mean\": {\"age\": 40}}", "grid.json"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("grid.json: mean[age] must be [low, high, "
            + "steps]");
    assertThatThrownBy(() -> SweepGrid.parse("{\"mean\": {\"age\": [40, 30, 3]}}", "grid.json"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("low <= high");
    assertThatThrownBy(() -> SweepGrid.parse("{\"mean\": {\"age\": [30, 40, 0]}}", "grid.json"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> SweepGrid.parse("{\"mean\": {\"age\": [30, 40, 2.5]}}", "grid.json"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("whole number");
    assertThatThrownBy(() -> SweepGrid.parse("{}", "grid.json"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("no entries");
    assertThatThrownBy(() -> SweepGrid.parse("[1", "grid.json"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid JSON");
  }
}
