package dev.shifter.shift.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.shifter.api.ArtifactException;
import dev.shifter.commons.Adam;
import dev.shifter.commons.ArtifactKind;
import dev.shifter.commons.AtomicDirectory;
import dev.shifter.commons.DirectoryContents;
import dev.shifter.commons.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The layout of a Shifter directory, written atomically and checked on reading:
 *
 * <pre>
 * manifest.json      format and version, status and step, settings, targets, per-entry calibration
 *                    (unshifted value, sampling noise, scale), the model trained against (fingerprint),
 *                    training summary, training-loss curve (format 2), the provider, jar and
 *                    jar checksum of each targeted meta-feature (format 3), provenance
 * encoder.params     the MetaEncoder's parameters (Block.saveParameters)
 * delta.params       Delta's parameters
 * adam.bin           the optimizer's step count and moments, for resuming
 * checksums.sha256   the SHA-256 of each file above (sha256sum -c checksums.sha256 checks them)
 * </pre>
 */
public final class ShifterFiles {
  /** The layout of adam.bin: "SHAF" (Shifter Adam, format F), no version byte. */
  public static final Adam.StateFormat ADAM_STATE = new Adam.StateFormat(0x53484146, -1, "this Shifter",
      "Restore the directory, or train again without resuming.");
  /** The manifest's format name. */
  public static final String FORMAT = ArtifactKind.SHIFTER.format();
  /**
   * The layout version this code writes. It also reads version 2, which has no record of where the
   * meta-features came from ({@code features}), and version 1, which has no training-loss curve
   * ({@code history}) either.
   */
  public static final int FORMAT_VERSION = 3;
  /** The oldest layout version this code reads. */
  public static final int OLDEST_FORMAT_VERSION = 1;
  /** The manifest file. */
  public static final String MANIFEST = "manifest.json";
  /** The MetaEncoder's parameters. */
  public static final String ENCODER = "encoder.params";
  /** Delta's parameters. */
  public static final String DELTA = "delta.params";
  /** The optimizer state. */
  public static final String ADAM = "adam.bin";
  /** The checksums. */
  public static final String CHECKSUMS = "checksums.sha256";
  /** Status of a directory written during training. */
  public static final String CHECKPOINT = "checkpoint";
  /** Status of a directory written when training ended. */
  public static final String COMPLETE = "complete";

  private static final List<String> FILES = List.of(MANIFEST, ENCODER, DELTA, ADAM);

  private ShifterFiles() {}

  /**
   * Writes a Shifter directory atomically, replacing a previous Shifter directory.
   *
   * @param dir the directory
   * @param manifest the manifest
   * @param encoder the MetaEncoder's parameters
   * @param delta Delta's parameters
   * @param adam the optimizer state
   */
  public static void write(Path dir, ShifterManifest manifest, byte[] encoder, byte[] delta, byte[] adam) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try {
      files.put(MANIFEST, Json.mapper().writeValueAsBytes(manifest));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The manifest always converts to JSON", e);
    }
    files.put(ENCODER, encoder);
    files.put(DELTA, delta);
    files.put(ADAM, adam);
    StringBuilder checksums = new StringBuilder();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      checksums.append(Sha256.of(file.getValue())).append("  ").append(file.getKey()).append('\n');
    }
    files.put(CHECKSUMS, checksums.toString().getBytes(StandardCharsets.UTF_8));
    AtomicDirectory.replace(dir, ArtifactKind.SHIFTER, temp -> {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        AtomicDirectory.writeDurably(temp.resolve(file.getKey()), file.getValue());
      }
    });
  }

  /**
   * Checks, before any work, that a Shifter directory may be written at {@code dir}: it is missing or
   * empty or holds a Shifter, and may be written to.
   *
   * @param dir the directory
   * @throws dev.shifter.api.InvalidInputException if it may not, saying what it holds and what to do
   */
  public static void requireWritable(Path dir) {
    AtomicDirectory.requireReplaceable(dir, ArtifactKind.SHIFTER);
  }

  /**
   * One file of those {@link #read(Path)} returned.
   *
   * @param files file name to content, as read
   * @param name the file's name, one of this class's constants
   * @return its content
   */
  public static byte[] file(Map<String, byte[]> files, String name) {
    return Objects.requireNonNull(files.get(name), name);
  }

  /**
   * Reads and verifies every file of a Shifter directory.
   *
   * @param dir the directory
   * @return file name to content
   * @throws ArtifactException naming the file that is missing or damaged
   */
  public static Map<String, byte[]> read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ArtifactException("Shifter directory " + dir + (Files.exists(dir) ? " is a file" : " does not exist")
          + ". Give the directory written by 'shifter train'.");
    }
    DirectoryContents contents = DirectoryContents.of(dir);
    if (contents.state() == DirectoryContents.State.ARTIFACT && !contents.is(ArtifactKind.SHIFTER)) {
      throw new ArtifactException(dir + " is " + contents.describe() + ", not a Shifter directory. Give the directory "
          + "written by 'shifter train'.");
    }
    Map<String, String> expected = checksums(dir);
    Map<String, byte[]> files = new HashMap<>();
    for (String name : FILES) {
      Path file = dir.resolve(name);
      String want = expected.get(name);
      if (want == null) {
        throw new ArtifactException(dir.resolve(CHECKSUMS) + " has no checksum for " + name + ". The directory is "
            + "damaged: restore it or train the Shifter again.");
      }
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (NoSuchFileException e) {
        throw new ArtifactException(file + " is missing. The directory is damaged: restore it or train the Shifter "
            + "again.", e);
      } catch (IOException e) {
        throw new ArtifactException("Cannot read " + file + ": " + e.getMessage() + ".", e);
      }
      if (!Sha256.of(bytes).equals(want)) {
        throw new ArtifactException(file + " does not match its checksum in " + CHECKSUMS + ": it was changed or "
            + "damaged. Restore the directory or train the Shifter again.");
      }
      files.put(name, bytes);
    }
    return files;
  }

  private static Map<String, String> checksums(Path dir) {
    Path file = dir.resolve(CHECKSUMS);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ArtifactException(dir + " is not a Shifter directory: " + CHECKSUMS + " is missing. Give the "
          + "directory written by 'shifter train'.", e);
    } catch (IOException e) {
      throw new ArtifactException("Cannot read " + file + ": " + e.getMessage() + ".", e);
    }
    Map<String, String> sums = new HashMap<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      int gap = line.indexOf("  ");
      if (gap != 64) {
        throw new ArtifactException(file + " is damaged (a line is not '<sha256>  <file>'). Restore the directory or "
            + "train the Shifter again.");
      }
      sums.put(line.substring(gap + 2).strip(), line.substring(0, gap));
    }
    return sums;
  }

  /**
   * Parses and checks a manifest.
   *
   * @param bytes the manifest's content
   * @param source the file, for messages
   * @return the manifest
   * @throws ArtifactException if it is not a Shifter manifest of a version this code reads
   */
  public static ShifterManifest parseManifest(byte[] bytes, String source) {
    JsonNode tree;
    try {
      tree = Json.mapper().readTree(bytes);
    } catch (IOException e) {
      throw new ArtifactException(source + " is not valid JSON (" + e.getMessage() + "). Restore the directory or "
          + "train the Shifter again.", e);
    }
    if (tree == null || !FORMAT.equals(tree.path("format").asText())) {
      throw new ArtifactException(source + " is not a Shifter manifest (format is not '" + FORMAT + "'). Give the "
          + "directory written by 'shifter train'.");
    }
    int version = tree.path("format_version").asInt(-1);
    if (version > FORMAT_VERSION) {
      throw new ArtifactException(source + " has format version " + version + ", newer than this Shifter reads ("
          + FORMAT_VERSION + "). Update Shifter.");
    }
    if (version < OLDEST_FORMAT_VERSION) {
      throw new ArtifactException(source + " has an unknown format version " + version + ". Train the Shifter again.");
    }
    try {
      return Json.mapper().treeToValue(tree, ShifterManifest.class);
    } catch (JsonProcessingException e) {
      throw new ArtifactException(source + " is damaged: " + Json.describe(e) + ". Restore the directory or train the "
          + "Shifter again.", e);
    }
  }
}
