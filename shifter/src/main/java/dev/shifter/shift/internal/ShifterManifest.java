package dev.shifter.shift.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shifter.commons.Provenance;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code manifest.json} of a Shifter directory.
 *
 * @param format always {@value ShifterFiles#FORMAT}
 * @param formatVersion the layout version, {@value ShifterFiles#FORMAT_VERSION} for this code
 * @param status {@code "checkpoint"} while training, {@code "complete"} when it ended
 * @param step the training steps taken
 * @param config the training settings (snake_case keys)
 * @param range whether the targets are a range
 * @param targets the target entries
 * @param calibration the unshifted values, sampling noise and scales of the entries
 * @param model the model trained against
 * @param training the training summary once complete, else {@code null}
 * @param history the training-loss curve up to {@code step}; {@code null} in format 1 directories,
 *     which recorded none
 * @param features where each targeted meta-feature came from; {@code null} in format 1 and 2
 *     directories, which recorded none
 * @param entryWeights the meta loss's weight of each entry at {@code step} (balanced entry weights);
 *     {@code null} in directories written before they existed (all 1)
 * @param regularizers the regularizers in the loss (those of weight above 0), built-in and plug-in, with
 *     their weights; {@code null} in directories written before they were recorded
 * @param provenance the versions and platform that wrote the directory
 */
public record ShifterManifest(
    String format,
    int formatVersion,
    String status,
    int step,
    JsonNode config,
    boolean range,
    List<TargetSpec> targets,
    Calibration calibration,
    ModelInfo model,
    @Nullable JsonNode training,
    @Nullable LossHistory history,
    @Nullable List<FeatureSource> features,
    @Nullable List<Double> entryWeights,
    @Nullable List<RegularizerWeight> regularizers,
    Provenance provenance) {

  /**
   * One regularizer of the loss.
   *
   * @param name the regularizer's name
   * @param weight its weight, above 0
   */
  public record RegularizerWeight(String name, double weight) {
    @Override
    public String toString() {
      return name + "=" + weight;
    }
  }

  /**
   * The model a Shifter was trained against.
   *
   * @param fingerprint the SHA-256 of the model's checksums file (empty if unidentified)
   * @param location the model directory when trained
   * @param latentDim the generator's latent dimension
   * @param condDim the generator's conditional vector width
   * @param continuousColumns the generator's continuous columns
   */
  public record ModelInfo(String fingerprint, String location, int latentDim, int condDim,
      List<String> continuousColumns) {}
}
