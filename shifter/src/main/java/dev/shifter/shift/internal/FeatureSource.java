package dev.shifter.shift.internal;

import dev.shifter.api.RegisteredMetaFeature;
import dev.shifter.commons.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where a meta-feature a Shifter was trained with came from: its provider, the jar (or class folder)
 * and the jar's SHA-256, so that generating with another implementation of the same name is caught.
 *
 * @param name the feature's name
 * @param provider the provider's id
 * @param origin the jar file or class folder it was loaded from
 * @param sha256 the SHA-256 of the jar file, or empty for a class folder or an unreadable jar
 */
public record FeatureSource(String name, String provider, String origin, String sha256) {
  /**
   * Describes a registered feature.
   *
   * @param feature the feature as the registry knows it
   * @return its source
   */
  public static FeatureSource of(RegisteredMetaFeature feature) {
    return new FeatureSource(feature.name(), feature.providerId(), feature.origin(), sha256Of(feature.origin()));
  }

  /**
   * Returns the jar's file name (or the folder's), for messages.
   *
   * @return e.g. {@code my-features-1.0.jar}
   */
  public String originName() {
    try {
      Path fileName = Path.of(origin).getFileName();
      return fileName == null ? origin : fileName.toString();
    } catch (InvalidPathException e) {
      return origin;
    }
  }

  private static String sha256Of(String origin) {
    try {
      Path path = Path.of(origin);
      return Files.isRegularFile(path) ? Sha256.of(Files.readAllBytes(path)) : "";
    } catch (InvalidPathException | IOException e) {
      return "";
    }
  }
}
