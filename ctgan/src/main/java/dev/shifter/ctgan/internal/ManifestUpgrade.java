package dev.shifter.ctgan.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Brings an older manifest's JSON up to {@link ModelManifest#FORMAT_VERSION} before it is read, so that
 * models fitted by an earlier Shifter still load. Fields the upgrade cannot know are given the value
 * that keeps the old behaviour.
 */
final class ManifestUpgrade {
  private ManifestUpgrade() {}

  /**
   * Upgrades a version-1 manifest: its columns recorded no value range and decimals, so decoded values
   * are neither clipped nor rounded, as before; and it recorded no loss history.
   *
   * @param root the manifest's JSON object, changed in place
   */
  static void fromVersion1(JsonNode root) {
    JsonNode columns = root.path("transformer").path("columns");
    for (JsonNode column : columns) {
      if (column instanceof ObjectNode object) {
        if (!object.has("range")) {
          object.putArray("range");
        }
        if (!object.has("decimals")) {
          object.put("decimals", ValueDomain.NOT_ROUNDED);
        }
      }
    }
    if (root.path("training") instanceof ObjectNode training && !training.has("history")) {
      training.putArray("history");
    }
    if (root instanceof ObjectNode object) {
      object.set("formatVersion", IntNode.valueOf(ModelManifest.FORMAT_VERSION));
    }
  }

  /**
   * Gives a manifest written before the generator's weights were averaged the setting that keeps its
   * behaviour: {@code generatorAveraging} 0, sampling from the generator's last weights.
   *
   * @param root the manifest's JSON object, changed in place
   */
  static void addGeneratorAveraging(JsonNode root) {
    if (root.path("config") instanceof ObjectNode config && !config.has("generatorAveraging")) {
      config.put("generatorAveraging", 0.0);
    }
  }
}
