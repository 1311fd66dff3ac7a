package dev.shifter.ctgan.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.shifter.api.ArtifactException;
import dev.shifter.api.ShifterException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Writes and reads {@code manifest.json}. Reading checks the format name and version before anything
 * else, so that a model written by a newer library is refused with a clear message; fields this version
 * does not know are ignored, absent ones are an error. A version-1 manifest (written before continuous
 * columns recorded their value range and decimals) is upgraded in memory by {@link ManifestUpgrade}, and
 * so is one written before the generator's weights were averaged.
 */
final class ManifestJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
      .build();

  private ManifestJson() {}

  static byte[] write(ModelManifest manifest) {
    try {
      return (MAPPER.writeValueAsString(manifest) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new ShifterException("could not write the model manifest: " + e.getOriginalMessage()
          + ". This is a bug; please report it.", e);
    }
  }

  static ModelManifest read(byte[] bytes, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new ArtifactException(source + " is not valid JSON ("
          + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
          + "). Restore the model directory from a backup, or fit the model again.", e);
    }
    if (root == null || !root.isObject() || !ModelManifest.FORMAT.equals(root.path("format").asText())) {
      throw new ArtifactException(source + " is not the manifest of a Shifter CTGAN model (its \"format\" is not \""
          + ModelManifest.FORMAT + "\"). Give the directory written by 'shifter fit' or CtganModel.save.");
    }
    int version = root.path("formatVersion").asInt(-1);
    if (version > ModelManifest.FORMAT_VERSION) {
      throw new ArtifactException(source + " has format version " + version + ", written by a newer Shifter; "
          + "this one reads version " + ModelManifest.FORMAT_VERSION + ". Upgrade Shifter to load it.");
    }
    if (version == 1) {
      ManifestUpgrade.fromVersion1(root);
    } else if (version != ModelManifest.FORMAT_VERSION) {
      throw new ArtifactException(source + " has format version " + root.path("formatVersion") + "; this Shifter "
          + "reads version " + ModelManifest.FORMAT_VERSION + ". Fit the model again with this version.");
    }
    ManifestUpgrade.addGeneratorAveraging(root);
    try {
      return MAPPER.treeToValue(root, ModelManifest.class);
    } catch (JsonProcessingException e) {
      ArtifactException cause = causeOfType(e, ArtifactException.class);
      if (cause != null) {
        throw new ArtifactException(source + ": " + cause.getMessage(), e);
      }
      ShifterException invalid = causeOfType(e, ShifterException.class);
      String why = invalid != null ? invalid.getMessage() : e.getOriginalMessage();
      throw new ArtifactException(source + " is damaged or was edited by hand: " + why + ". Restore the model "
          + "directory from a backup, or fit the model again.", e);
    }
  }

  private static <T extends Throwable> @Nullable T causeOfType(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
