package dev.shifter.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.shift.fixtures.MlpAdapter;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TiltGeneratorTest {
  private static final MetaFeatureRegistry REGISTRY = MetaFeatureRegistry.loadInstalled();
  private static MlpAdapter adapter;
  private static BufferAllocator allocator;

  @BeforeAll
  static void create() {
    adapter = new MlpAdapter(7);
    allocator = new RootAllocator();
  }

  @AfterAll
  static void close() {
    adapter.close();
    allocator.close();
  }

  private static TiltGenerator tilt(Targets targets) {
    return TiltGenerator.builder().setAdapter(adapter).setTargets(targets).optRegistry(REGISTRY).build();
  }

  @Test
  void reweightingReachesMeanSdAndCorrelationTargetsWithoutTraining() {
    Targets targets = Targets.parse("{\"mean\": {\"age\": 42}, \"sd\": {\"ratio\": 0.5}, "
        + "\"cor\": {\"age~income\": 0.3}}");

    try (TiltedTable tilted = tilt(targets).generate(allocator, 4000, 1)) {
      assertThat(tilted.table().rowCount()).isEqualTo(4000);
      assertThat(tilted.table().columnNames()).containsExactly("age", "group", "ratio", "income");
      assertThat(tilted.poolRows()).isEqualTo(80_000);
      assertThat(tilted.effectiveSampleSize()).isBetween(4000.0, 80_000.0);
      assertThat(tilted.report()).extracting(TargetReport::feature).containsExactly("mean", "sd", "cor");
      assertThat(tilted.report()).allSatisfy(r -> assertThat(r.withinTolerance()).as("%s", r).isTrue());
    }
  }

  @Test
  void theSameSeedGivesTheSameTable() {
    Targets targets = Targets.parse("{\"mean\": {\"age\": 41}}");
    try (TiltedTable first = tilt(targets).generate(allocator, 500, 3);
        TiltedTable second = tilt(targets).generate(allocator, 500, 3)) {
      for (int row = 0; row < 500; row++) {
        assertThat(second.table().continuousValue("age", row)).isEqualTo(first.table().continuousValue("age", row));
        assertThat(second.table().categoricalValue("group", row))
            .isEqualTo(first.table().categoricalValue("group", row));
      }
    }
  }

  @Test
  void aTargetFarOutsideThePoolIsRefusedInsteadOfRepeatingAFewRows() {
    Targets far = Targets.parse("{\"mean\": {\"age\": 75}}");

    assertThatThrownBy(() -> tilt(far).generate(allocator, 2000, 1)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("The weights collapse", "beyond what reweighting"));
  }

  @Test
  void featuresWithoutAMomentConditionAndRangesAreRefusedWhenBuilt() {
    assertThatThrownBy(() -> tilt(Targets.parse("{\"fixture_mean\": {\"age\": 50}}")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("fixture_mean[age]: the tilt method has no moment condition for 'fixture_mean'")
        .hasMessageContaining("Train a Shifter for this target instead");
    assertThatThrownBy(() -> TiltGenerator.builder().setAdapter(adapter)
        .setTargets(Targets.parseRange("{\"mean\": {\"age\": [40, 44]}}")).optRegistry(REGISTRY).build())
        .hasMessageContaining("fixed targets");
  }
}
