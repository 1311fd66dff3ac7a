package dev.shifter.ctgan.internal;

import dev.shifter.api.ColumnSpec;
import dev.shifter.commons.ArtifactKind;
import dev.shifter.commons.Provenance;
import dev.shifter.ctgan.types.CtganConfig;
import java.util.List;

/**
 * The JSON manifest of a saved CTGAN model ({@code manifest.json}): everything needed to rebuild the
 * networks and the transformer and to tell where the model came from. The networks' parameters and
 * the optimizers' states are in separate files (see {@link ModelFiles}).
 *
 * @param format always {@link #FORMAT}
 * @param formatVersion the layout version of the model directory, {@link #FORMAT_VERSION} when written
 *     by this library
 * @param config the training settings, the seed included; they fix the networks' architecture
 * @param columns the training table's columns, in order
 * @param transformer the fitted mode-specific transformer
 * @param categoryCounts the categories' counts in the training data, per categorical column in table
 *     order
 * @param training how far training got
 * @param provenance the versions and platform that wrote the model
 */
public record ModelManifest(String format, int formatVersion, CtganConfig config, List<ColumnSpec> columns,
    TransformerState transformer, List<CategoryCounts> categoryCounts, TrainingRecord training,
    Provenance provenance) {
  /** The value of {@link #format()}. */
  public static final String FORMAT = ArtifactKind.CTGAN_MODEL.format();

  /** The directory layout this library writes and reads. */
  public static final int FORMAT_VERSION = 2;

  /** Copies the lists. */
  public ModelManifest {
    columns = List.copyOf(columns);
    categoryCounts = List.copyOf(categoryCounts);
  }
}
