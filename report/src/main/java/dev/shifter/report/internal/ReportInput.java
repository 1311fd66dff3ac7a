package dev.shifter.report.internal;

import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.Table;
import dev.shifter.eval.QualityReport;
import dev.shifter.shift.Targets;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The checked inputs of a report.
 *
 * @param real the real table
 * @param synthetic the synthetic table, with the real table's columns
 * @param shifted the shifted table, or {@code null}
 * @param targets the targets given, or {@code null}
 * @param label the label column for the machine-learning efficacy, or {@code null}
 * @param ctganModel the CTGAN model directory, or {@code null}
 * @param shifterDir the Shifter directory, or {@code null}
 * @param registry the meta-features
 * @param title the page title
 * @param subtitle the line under the title, or {@code null}
 * @param seed the seed of the quality evaluation and of the resampling
 * @param quality the quality figures already computed for the synthetic and the shifted table, in that
 *     order, or empty when the report computes them
 */
public record ReportInput(Table real, Table synthetic, @Nullable Table shifted, @Nullable Targets targets,
    @Nullable String label, @Nullable Path ctganModel, @Nullable Path shifterDir, MetaFeatureRegistry registry,
    String title, @Nullable String subtitle, long seed, List<QualityReport> quality) {

  /** Copies the quality figures. */
  public ReportInput {
    quality = List.copyOf(quality);
  }

  /**
   * Tells whether a training section is due.
   *
   * @return true when a model or Shifter directory was given
   */
  public boolean hasTraining() {
    return ctganModel != null || shifterDir != null;
  }
}
