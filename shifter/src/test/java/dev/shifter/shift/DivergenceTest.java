package dev.shifter.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.Regularizer;
import dev.shifter.shift.fixtures.MlpModels;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DivergenceTest {
  private static final MetaFeatureRegistry REGISTRY = MetaFeatureRegistry.loadInstalled();
  private static final Targets TARGET = Targets.parse("{\"mean\": {\"age\": 60}}");

  private static ShifterConfig config() {
    return ShifterConfig.builder().optSteps(100).optTrainSamples(200).optEvalSamples(400).optEvalEvery(1000)
        .optCheckpointEvery(5).build();
  }

  @Test
  void aRegularizerThatTurnsNanStopsTrainingNamesItAndKeepsTheLastCheckpoint(@TempDir Path dir) {
    Regularizer exploding = Regularizer.of("exploding", context -> context.step() >= 12
        ? context.shiftedZ().mean().mul(Float.NaN) : context.shiftedZ().sub(context.z()).square().mean());
    Path output = dir.resolve("shifter");
    try (LoadedGenerator model = MlpModels.open(MlpModels.write(dir.resolve("model"), 3))) {
      ShifterTrainer trainer = ShifterTrainer.builder().setGenerator(model).setTargets(TARGET).optConfig(config())
          .optRegistry(REGISTRY).addRegularizer(0.1, exploding).optOutputDirectory(output).build();

      assertThatThrownBy(trainer::train)
          .isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
            assertThat(e.step()).isEqualTo(12);
            assertThat(e.term()).isEqualTo("exploding");
            assertThat(e.lastCheckpointStep()).isEqualTo(10);
          })
          .hasMessageContaining("Training stopped at step 12: the regularizer 'exploding' is NaN")
          .hasMessageContaining("meta_loss")
          .hasMessageContaining("The last good checkpoint (step 10) is kept in " + output)
          .hasMessageContaining("the weight of 'exploding'");

      try (TrainedShifter checkpoint = TrainedShifter.load(output, model)) {
        assertThat(checkpoint.steps()).isEqualTo(10);
        assertThat(checkpoint.isComplete()).isFalse();
      }
    }
  }

  @Test
  void anInfiniteMetaLossIsNamedAsTheMetaLoss(@TempDir Path dir) {
    try (LoadedGenerator model = MlpModels.open(MlpModels.write(dir.resolve("model"), 3))) {
      ShifterTrainer trainer = ShifterTrainer.builder().setGenerator(model).setTargets(TARGET).optConfig(config())
          .optRegistry(REGISTRY).optMetaLoss((predicted, target, scale) -> predicted.sub(target).div(0f).sum())
          .build();

      assertThatThrownBy(trainer::train)
          .isInstanceOf(TrainingDivergedException.class)
          .hasMessageContaining("Training stopped at step 1: the meta loss is ")
          .hasMessageContaining("Infinity")
          .hasMessageContaining("No checkpoint was written before it");
    }
  }
}
