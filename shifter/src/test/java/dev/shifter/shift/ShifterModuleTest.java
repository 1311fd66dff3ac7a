package dev.shifter.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.shifter.api.GeneratorAdapter;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.MetaLoss;
import dev.shifter.api.Regularizer;
import dev.shifter.shift.fixtures.MlpAdapter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShifterModuleTest {
  private static final Targets TARGET = Targets.parse("{\"mean\": {\"ratio\": 0.4}}");
  private static final ShifterConfig CONFIG = ShifterConfig.builder().optSteps(30).optTrainSamples(200)
      .optEvalSamples(400).optEvalEvery(1000).optLambdaZ(0.02).build();

  @Test
  void theModuleBindsTheAdapterConfigDefaultLossAndDefaultRegularizers() {
    try (MlpAdapter adapter = new MlpAdapter(2)) {
      Injector injector = Guice.createInjector(ShifterModule.builder().setAdapter(adapter).optConfig(CONFIG)
          .optRegistry(MetaFeatureRegistry.loadInstalled()).build());

      ShifterTrainer trainer = injector.getInstance(ShifterTrainerFactory.class).create(TARGET);

      assertThat(injector.getInstance(GeneratorAdapter.class)).isSameAs(adapter);
      assertThat(trainer.config()).isEqualTo(CONFIG);
      assertThat(trainer.metaLoss().toString()).isEqualTo("MetaLosses.mse()");
      assertThat(trainer.regularizers()).extracting(WeightedRegularizer::name, WeightedRegularizer::weight)
          .containsExactlyInAnyOrder(tuple("latent_reg", 0.02),
              tuple("feature_space_reg", CONFIG.lambdaX()), tuple("marginal_reg", CONFIG.lambdaMarginal()));
    }
  }

  @Test
  void aRegularizerAndALossBoundInAnotherModuleAreUsedInTraining() {
    AtomicInteger regularizerCalls = new AtomicInteger();
    AtomicInteger lossCalls = new AtomicInteger();
    Regularizer counting = Regularizer.of("counting", context -> {
      regularizerCalls.incrementAndGet();
      return context.shiftedZ().sub(context.z()).abs().mean();
    });
    MetaLoss countingMse = (predicted, target, scale) -> {
      lossCalls.incrementAndGet();
      return MetaLosses.mse().loss(predicted, target, scale);
    };
    try (MlpAdapter adapter = new MlpAdapter(2)) {
      Injector injector = Guice.createInjector(
          ShifterModule.builder().setAdapter(adapter).optConfig(CONFIG)
              .optRegistry(MetaFeatureRegistry.loadInstalled()).build(),
          new AbstractModule() {
            @Override
            protected void configure() {
              Multibinder.newSetBinder(binder(), WeightedRegularizer.class).addBinding()
                  .toInstance(WeightedRegularizer.of(0.5, counting));
              OptionalBinder.newOptionalBinder(binder(), MetaLoss.class).setBinding().toInstance(countingMse);
            }
          });
      ShifterTrainer trainer = injector.getInstance(ShifterTrainerFactory.class).create(TARGET);

      assertThat(trainer.regularizers()).extracting(WeightedRegularizer::name)
          .containsExactlyInAnyOrder("latent_reg", "feature_space_reg", "marginal_reg", "counting");
      List<StepReport> reports = new ArrayList<>();
      try (TrainedShifter shifter = injector.getInstance(ShifterTrainerFactory.class).builder().setTargets(TARGET)
          .optListener(reports::add).build().train()) {
        assertThat(shifter.steps()).isEqualTo(30);
      }
      assertThat(regularizerCalls).hasValue(30);
      assertThat(lossCalls).hasValue(30);
      assertThat(reports.get(0).terms()).containsKey("counting");
    }
  }
}
