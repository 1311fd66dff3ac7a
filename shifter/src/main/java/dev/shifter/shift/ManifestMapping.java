package dev.shifter.shift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shifter.api.ArtifactException;
import dev.shifter.api.ShifterException;
import dev.shifter.commons.Provenance;
import dev.shifter.shift.internal.FeatureSources;
import dev.shifter.shift.internal.Json;
import dev.shifter.shift.internal.ShifterFiles;
import dev.shifter.shift.internal.ShifterManifest;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Converts between the public types and the manifest of a Shifter directory. */
final class ManifestMapping {
  /** The realism limits, off (1) in settings saved before they existed: those runs trained without them. */
  private static final List<String> REALISM_LIMITS = List.of("max_share_shift", "max_bound_excess");

  private ManifestMapping() {}

  static ShifterManifest toManifest(ShifterState state, String status, int step, @Nullable TrainingSummary summary,
      List<StepLoss> history, @Nullable List<Double> entryWeights,
      @Nullable List<ShifterManifest.RegularizerWeight> regularizers) {
    ShifterManifest.ModelInfo model = new ShifterManifest.ModelInfo(state.model.fingerprint(), state.model.location(),
        state.adapter.latentDim(), state.adapter.condDim(), state.adapter.continuousColumns());
    return new ShifterManifest(ShifterFiles.FORMAT, ShifterFiles.FORMAT_VERSION, status, step,
        Json.mapper().valueToTree(state.config), state.targets.isRange(), state.targets.specs(), state.calibration,
        model, summary == null ? null : Json.mapper().valueToTree(summary), LossRecorder.toManifest(history),
        FeatureSources.of(state.resolved), entryWeights, regularizers, Provenance.current("shifter-shifter"));
  }

  /**
   * The regularizers of a loss as the manifest records them: those of weight above 0, by name.
   *
   * @param regularizers the weighted regularizers
   * @return name and weight of each, in order
   */
  static List<ShifterManifest.RegularizerWeight> regularizers(List<WeightedRegularizer> regularizers) {
    return regularizers.stream().filter(r -> r.weight() > 0)
        .map(r -> new ShifterManifest.RegularizerWeight(r.regularizer().name(), r.weight())).toList();
  }

  static ShifterConfig config(ShifterManifest manifest, String source) {
    try {
      JsonNode saved = manifest.config();
      if (saved instanceof ObjectNode object) {
        ObjectNode settings = object.deepCopy();
        for (String limit : REALISM_LIMITS) {
          if (!settings.has(limit)) {
            settings.put(limit, 1.0);
          }
        }
        saved = settings;
      }
      return Json.mapper().treeToValue(saved, ShifterConfig.class);
    } catch (JsonProcessingException | ShifterException e) {
      throw new ArtifactException(source + " has settings this version cannot read (" + e.getMessage() + "). Train "
          + "the Shifter again.", e);
    }
  }

  static Targets targets(ShifterManifest manifest, String source) {
    try {
      List<TargetEntry> entries = manifest.targets().stream()
          .map(s -> new TargetEntry(s.feature(), s.key(), s.low(), s.high())).toList();
      return manifest.range() ? Targets.range(entries) : Targets.of(entries);
    } catch (ShifterException e) {
      throw new ArtifactException(source + " has damaged targets (" + e.getMessage() + "). Train the Shifter again.",
          e);
    }
  }

  static List<StepLoss> history(ShifterManifest manifest) {
    return LossRecorder.fromManifest(manifest.history());
  }

  static @Nullable TrainingSummary summary(ShifterManifest manifest, String source) {
    JsonNode training = manifest.training();
    if (training == null || training.isNull()) {
      return null;
    }
    try {
      return Json.mapper().treeToValue(training, TrainingSummary.class);
    } catch (JsonProcessingException e) {
      throw new ArtifactException(source + " has a damaged training summary (" + Json.describe(e) + "). Train the "
          + "Shifter again.", e);
    }
  }
}
