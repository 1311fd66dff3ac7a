package dev.shifter.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.PluginRegistry;
import dev.shifter.shift.internal.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShifterConfigTest {

  @Test
  void aConfigFileChangesOnlyTheKeysItNames() {
    ShifterConfig config = ShifterConfig.fromJson("{\"lambda_z\": 0.5, \"shifter_hidden\": [32], \"steps\": 10}");

    assertThat(config.lambdaZ()).isEqualTo(0.5);
    assertThat(config.shifterHidden()).containsExactly(32);
    assertThat(config.steps()).isEqualTo(10);
    assertThat(config.lambdaX()).isEqualTo(ShifterConfig.defaults().lambdaX());
    assertThat(config.encoderHidden()).isEqualTo(ShifterConfig.defaults().encoderHidden());
  }

  @Test
  void theJsonFormRoundTrips() {
    ShifterConfig config = ShifterConfig.builder().optSeed(9).optMetaLoss("huber").optEncoderHidden(List.of())
        .optLatentReg("moments").build();

    assertThat(ShifterConfig.fromJson(config.toJson())).isEqualTo(config);
    assertThat(config.toJson()).contains("\"lambda_z\"", "\"delta_scale\"", "\"train_samples\"");
  }

  @Test
  void flagsOverrideTheFileThroughTheBuilder() {
    ShifterConfig file = ShifterConfig.fromJson("{\"lambda_x\": 0.3, \"steps\": 10}");

    ShifterConfig overridden = file.toBuilder().optSteps(20).build();

    assertThat(overridden.steps()).isEqualTo(20);
    assertThat(overridden.lambdaX()).isEqualTo(0.3);
  }

  @Test
  void theCriticWeightIsOffByDefaultAndReadFromTheConfigFile() throws Exception {
    ShifterConfig file = ShifterConfig.fromJson("{\"lambda_critic\": 0.25}");

    assertThat(ShifterConfig.defaults().lambdaCritic()).isZero();
    assertThat(file.lambdaCritic()).isEqualTo(0.25);
    assertThat(file.toBuilder().optLambdaCritic(0.5).build().lambdaCritic()).isEqualTo(0.5);
    assertThat(file.toJson()).contains("\"lambda_critic\" : 0.25");
    assertThatThrownBy(() -> ShifterConfig.fromJson("{\"lambda_critic\": -0.1}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("lambda_critic must be zero or positive, got -0.1");
  }

  @Test
  void settingsSavedBeforeTheCriticWeightExistedLoadWithTheCriticOff() throws Exception {
    ObjectNode saved = Json.mapper().valueToTree(ShifterConfig.builder().optSteps(7).build());
    saved.remove("lambda_critic");

    ShifterConfig loaded = Json.mapper().treeToValue(saved, ShifterConfig.class);

    assertThat(loaded.lambdaCritic()).isZero();
    assertThat(loaded.steps()).isEqualTo(7);
  }

  @Test
  void anUnknownKeyIsRefusedWithTheKnownKeysListed() {
    assertThatThrownBy(() -> ShifterConfig.fromJson("{\"lamda_z\": 0.5}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unknown setting 'lamda_z'")
        .hasMessageContaining("lambda_z");
  }

  @Test
  void outOfRangeValuesAreRefusedByName() {
    assertThatThrownBy(() -> ShifterConfig.fromJson("{\"steps\": 0}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Setting steps must be positive, got 0");
    assertThatThrownBy(() -> ShifterConfig.builder().optLambdaZ(-1).build())
        .hasMessageContaining("lambda_z must be zero or positive");
    assertThatThrownBy(() -> ShifterConfig.fromJson("{\"meta_loss\": \" \"}"))
        .hasMessageContaining("Setting meta_loss must name a loss: mse, huber, relative or a plug-in's");
    assertThatThrownBy(() -> ShifterConfig.fromJson("{\"steps\": \"many\"}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("wrong type");
  }

  @Test
  void anUnknownMetaLossIsRefusedWithTheKnownNamesWhenResolved() {
    ShifterConfig config = ShifterConfig.fromJson("{\"meta_loss\": \"l1\"}");

    assertThatThrownBy(() -> MetaLosses.resolve(config.metaLoss(), PluginRegistry.empty("meta loss")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Unknown meta loss 'l1'. Known meta losses: mse, huber, relative. Install the plug-in");
  }
}
