package dev.shifter.commons;

import java.util.Optional;

/**
 * The kinds of directory Shifter writes. Each names its format in the {@code format} field of its
 * {@code manifest.json}, and its checksums file lists a file that only it has, so that a directory of
 * one kind is never mistaken for, or replaced by, one of another kind.
 */
public enum ArtifactKind {
  /** A fitted CTGAN: the generator, the critic and the transformer ({@code shifter fit}). */
  CTGAN_MODEL("shifter-ctgan-model", "a CTGAN model directory", "written by 'shifter fit' or CtganModel.save",
      "generator.params"),
  /** A trained Shifter: the MetaEncoder and Delta ({@code shifter train}). */
  SHIFTER("shifter-latent-shift", "a Shifter directory", "written by 'shifter train' or TrainedShifter.save",
      "delta.params");

  /** The manifest every kind writes. */
  public static final String MANIFEST = "manifest.json";
  /** The checksums file every kind writes. */
  public static final String CHECKSUMS = "checksums.sha256";

  private final String format;
  private final String noun;
  private final String origin;
  private final String signatureFile;

  ArtifactKind(String format, String noun, String origin, String signatureFile) {
    this.format = format;
    this.noun = noun;
    this.origin = origin;
    this.signatureFile = signatureFile;
  }

  /**
   * Returns the value of the manifest's {@code format} field.
   *
   * @return e.g. {@code shifter-ctgan-model}
   */
  public String format() {
    return format;
  }

  /**
   * Returns what a directory of this kind is, with an article, for messages.
   *
   * @return e.g. "a CTGAN model directory"
   */
  public String noun() {
    return noun;
  }

  /**
   * Returns the noun with where such a directory comes from, for messages.
   *
   * @return e.g. "a CTGAN model directory (written by 'shifter fit' or CtganModel.save)"
   */
  public String described() {
    return noun + " (" + origin + ")";
  }

  /**
   * Returns a file that only directories of this kind hold.
   *
   * @return the file name
   */
  public String signatureFile() {
    return signatureFile;
  }

  /**
   * Finds the kind that writes a manifest format.
   *
   * @param format the manifest's {@code format} field
   * @return the kind, or empty if no kind writes it
   */
  public static Optional<ArtifactKind> ofFormat(String format) {
    for (ArtifactKind kind : values()) {
      if (kind.format.equals(format)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
