package dev.shifter.shift;

import dev.shifter.api.ArtifactException;
import dev.shifter.api.InvalidInputException;
import dev.shifter.commons.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which fitted model a Shifter belongs to: a fingerprint of the model directory and where it was. A
 * Shifter records the reference of the model it was trained against and refuses to run against a
 * model with another fingerprint.
 *
 * @param fingerprint the SHA-256 of the model directory's {@value #CHECKSUMS} file (which lists the
 *     checksum of every model file), or of its {@value #MANIFEST} when it has no checksums file;
 *     empty for a generator that was not loaded from a directory
 * @param location where the model directory was, for messages and for {@code shifter generate}; empty
 *     if unknown
 */
public record ModelReference(String fingerprint, String location) {
  /** The checksums file of a model directory. */
  public static final String CHECKSUMS = "checksums.sha256";
  /** The manifest of a model directory. */
  public static final String MANIFEST = "manifest.json";

  /**
   * Fingerprints a model directory.
   *
   * @param modelDir the model directory
   * @return its reference, with the directory's absolute path as location
   * @throws InvalidInputException if the directory has neither a checksums file nor a manifest
   * @throws ArtifactException if the file cannot be read
   */
  public static ModelReference of(Path modelDir) {
    for (String name : List.of(CHECKSUMS, MANIFEST)) {
      Path file = modelDir.resolve(name);
      if (Files.isRegularFile(file)) {
        try {
          return new ModelReference(Sha256.of(Files.readAllBytes(file)), modelDir.toAbsolutePath().normalize()
              .toString());
        } catch (IOException e) {
          throw new ArtifactException("Cannot read " + file + " to identify the model: " + e.getMessage()
              + ". Check the file's permissions.", e);
        }
      }
    }
    throw new InvalidInputException(modelDir + " is not a model directory: it has neither " + CHECKSUMS + " nor "
        + MANIFEST + ". Give the directory written by 'shifter fit'.");
  }

  /**
   * Returns the reference of a generator that was not loaded from a directory (built in code). Such a
   * Shifter can only be loaded again with an unidentified generator too.
   *
   * @return a reference with an empty fingerprint and location
   */
  public static ModelReference unidentified() {
    return new ModelReference("", "");
  }

  /**
   * Tells whether this reference identifies a model.
   *
   * @return true if the fingerprint is not empty
   */
  public boolean isIdentified() {
    return !fingerprint.isEmpty();
  }

  /**
   * Returns a short form of the fingerprint for messages.
   *
   * @return the first 12 hex digits, or {@code "(none)"}
   */
  public String shortFingerprint() {
    return fingerprint.isEmpty() ? "(none)" : fingerprint.substring(0, Math.min(12, fingerprint.length()));
  }
}
