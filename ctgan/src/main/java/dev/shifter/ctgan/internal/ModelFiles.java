package dev.shifter.ctgan.internal;

import dev.shifter.api.ArtifactException;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Remedy;
import dev.shifter.api.ShifterException;
import dev.shifter.commons.ArtifactKind;
import dev.shifter.commons.AtomicDirectory;
import dev.shifter.commons.DirectoryContents;
import dev.shifter.commons.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The layout of a saved model directory, written atomically ({@link AtomicDirectory}) and checked on
 * reading:
 *
 * <pre>
 * manifest.json        format and version, configuration and seed, columns, transformer state,
 *                      category counts, training progress, provenance ({@link ModelManifest})
 * generator.params     the parameters that sampling uses, BatchNorm running statistics included
 *                      ({@code Block.saveParameters}): the moving average of the generator's
 *                      weights, or its last weights where the configuration does not average
 * generator-live.params  the generator's last weights, which a resumed fit continues from; only
 *                      where the configuration averages the weights
 * critic.params        the critic's parameters
 * generator-adam.bin   the generator optimizer's step count and moments ({@link dev.shifter.commons.Adam#save})
 * critic-adam.bin      the critic optimizer's state
 * checksums.sha256     the SHA-256 of each file above, in the format of sha256sum (check it with
 *                      {@code sha256sum -c checksums.sha256})
 * </pre>
 *
 * <p>Reading verifies every checksum before it parses anything, and names the file that is missing or
 * damaged. No Java serialization is involved.
 */
public final class ModelFiles {
  /** The manifest's file name. */
  public static final String MANIFEST = "manifest.json";

  /** The generator's parameter file. */
  public static final String GENERATOR = "generator.params";

  /** The generator's last weights, beside the averaged ones in {@link #GENERATOR}. */
  public static final String GENERATOR_LIVE = "generator-live.params";

  /** The critic's parameter file. */
  public static final String CRITIC = "critic.params";

  /** The generator optimizer's state. */
  public static final String GENERATOR_ADAM = "generator-adam.bin";

  /** The critic optimizer's state. */
  public static final String CRITIC_ADAM = "critic-adam.bin";

  /** The checksums of all other files. */
  public static final String CHECKSUMS = "checksums.sha256";

  private static final List<String> FILES = List.of(MANIFEST, GENERATOR, CRITIC, GENERATOR_ADAM, CRITIC_ADAM);

  private ModelFiles() {}

  /**
   * Writes a model directory atomically, replacing an existing model directory.
   *
   * @param dir the directory to create or replace
   * @param artifact the model
   * @throws InvalidInputException if {@code dir} is a file, or a non-empty directory that does not hold
   *     a model (a Shifter directory or other files are never replaced), or cannot be replaced for lack
   *     of permission
   * @throws ShifterException if writing fails otherwise; the old directory is then unchanged
   */
  public static void write(Path dir, ModelArtifact artifact) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(MANIFEST, ManifestJson.write(artifact.manifest()));
    files.put(GENERATOR, artifact.state().generator());
    files.put(CRITIC, artifact.state().critic());
    files.put(GENERATOR_ADAM, artifact.state().generatorAdam());
    files.put(CRITIC_ADAM, artifact.state().criticAdam());
    byte @Nullable [] live = artifact.state().liveGenerator();
    if (live != null) {
      files.put(GENERATOR_LIVE, live);
    }
    StringBuilder checksums = new StringBuilder();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      checksums.append(Sha256.of(file.getValue())).append("  ").append(file.getKey()).append('\n');
    }
    AtomicDirectory.replace(dir, ArtifactKind.CTGAN_MODEL, temp -> {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        AtomicDirectory.writeDurably(temp.resolve(file.getKey()), file.getValue());
      }
      AtomicDirectory.writeDurably(temp.resolve(CHECKSUMS), checksums.toString().getBytes(StandardCharsets.UTF_8));
    });
  }

  /**
   * Checks, before any work, that a model directory may be written at {@code dir}: it is missing or
   * empty or holds a model, and may be written to.
   *
   * @param dir the directory
   * @throws InvalidInputException if it may not, saying what it holds and what to do
   */
  public static void requireWritable(Path dir) {
    AtomicDirectory.requireReplaceable(dir, ArtifactKind.CTGAN_MODEL);
  }

  /**
   * Reads a model directory, checking every file against its checksum and the manifest's format and
   * version.
   *
   * @param dir the directory
   * @return the model
   * @throws ArtifactException if the directory or a file is missing, damaged or of another format; the
   *     message names the file and says how to fix it
   */
  public static ModelArtifact read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ArtifactException(missingDirectoryMessage(dir), Files.exists(dir)
          || AtomicDirectory.interruptedReplacement(dir) != null ? new Remedy[0]
          : new Remedy[] {Remedy.set(Remedy.Setting.MODEL_FOLDER)});
    }
    DirectoryContents found = DirectoryContents.of(dir);
    if (found.state() == DirectoryContents.State.ARTIFACT && !found.is(ArtifactKind.CTGAN_MODEL)) {
      throw new ArtifactException(dir + " is " + found.describe() + ", not a CTGAN model directory. Give the "
          + "directory written by 'shifter fit' or CtganModel.save.");
    }
    Path checksumFile = dir.resolve(CHECKSUMS);
    Map<String, String> expected = parseChecksums(checksumFile, readFile(checksumFile, dir));
    Map<String, byte[]> contents = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(FILES);
    if (expected.containsKey(GENERATOR_LIVE)) {
      names.add(GENERATOR_LIVE);
    }
    for (String name : names) {
      Path file = dir.resolve(name);
      String checksum = expected.get(name);
      if (checksum == null) {
        throw new ArtifactException(checksumFile + " lists no checksum for " + name + ": the directory was not "
            + "written by this version of Shifter, or the file was edited. Fit or save the model again.");
      }
      byte[] bytes = readFile(file, dir);
      if (!Sha256.of(bytes).equals(checksum)) {
        throw new ArtifactException(file + " is damaged: its SHA-256 differs from the one in " + CHECKSUMS + ". "
            + "Restore the model directory from a backup (copy it whole), or fit the model again. A file edited "
            + "by hand is refused too.");
      }
      contents.put(name, bytes);
    }
    ModelManifest manifest = ManifestJson.read(read(contents, MANIFEST), dir.resolve(MANIFEST).toString());
    boolean averaged = manifest.config().generatorAveraging() > 0f;
    if (averaged != contents.containsKey(GENERATOR_LIVE)) {
      throw new ArtifactException(averaged
          ? checksumFile + " lists no " + GENERATOR_LIVE + ", which a model whose generator weights are averaged "
              + "(generatorAveraging in " + MANIFEST + ") needs: the directory is incomplete. Restore it from a "
              + "backup (copy it whole), or fit the model again."
          : dir.resolve(GENERATOR_LIVE) + " belongs to a model whose generator weights are averaged, but " + MANIFEST
              + " says they are not: the directory mixes files of two models. Restore it from a backup, or fit the "
              + "model again.");
    }
    return new ModelArtifact(manifest, new NetworkState(read(contents, GENERATOR), read(contents, CRITIC),
        read(contents, GENERATOR_ADAM), read(contents, CRITIC_ADAM), contents.get(GENERATOR_LIVE)));
  }

  private static byte[] read(Map<String, byte[]> contents, String name) {
    return Objects.requireNonNull(contents.get(name), name);
  }

  /**
   * Returns the paths of the five state files in the order {@link CtganTraining#restore} expects, for
   * messages.
   *
   * @param dir the model directory
   * @return generator (sampled from), critic, generator optimizer, critic optimizer and live generator files
   */
  public static List<String> stateFiles(Path dir) {
    return List.of(dir.resolve(GENERATOR).toString(), dir.resolve(CRITIC).toString(),
        dir.resolve(GENERATOR_ADAM).toString(), dir.resolve(CRITIC_ADAM).toString(),
        dir.resolve(GENERATOR_LIVE).toString());
  }

  private static String missingDirectoryMessage(Path dir) {
    if (Files.exists(dir)) {
      return dir + " is a file, not a model directory. Give the directory that CtganModel.save wrote.";
    }
    @Nullable Path interrupted = AtomicDirectory.interruptedReplacement(dir);
    if (interrupted != null) {
      return dir + " does not exist, but " + interrupted + " does: a save was interrupted while it replaced the "
          + "model. Rename " + interrupted.getFileName() + " to " + dir.getFileName() + " to get the previous model "
          + "back.";
    }
    return dir + ": no such model directory. Check the path, or fit a model first (CtganTrainer, then "
        + "CtganModel.save).";
  }

  private static byte[] readFile(Path file, Path dir) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ArtifactException(file + " is missing: " + dir + " is not a complete model directory. Copy the "
          + "whole directory again, restore it from a backup, or fit the model again.", e);
    } catch (IOException e) {
      throw new ArtifactException(file + " cannot be read (" + e + "). Check its permissions.", e);
    }
  }

  private static Map<String, String> parseChecksums(Path file, byte[] bytes) {
    Map<String, String> checksums = new LinkedHashMap<>();
    List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int space = line.indexOf(' ');
      String hash = space < 0 ? "" : line.substring(0, space);
      String name = space < 0 ? "" : line.substring(space).strip().replaceFirst("^\\*", "");
      if (!hash.matches("[0-9a-f]{64}") || name.isEmpty()) {
        throw new ArtifactException(file + ", line " + (i + 1) + ", is not '<sha-256>  <file>': the checksums file "
            + "is damaged. Restore the model directory from a backup, or fit the model again.");
      }
      checksums.put(name, hash);
    }
    return checksums;
  }
}
