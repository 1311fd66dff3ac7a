package dev.shifter.report;

import dev.shifter.api.ArtifactException;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.ShifterException;
import dev.shifter.api.Table;
import dev.shifter.eval.QualityEvaluator;
import dev.shifter.eval.QualityReport;
import dev.shifter.commons.AtomicFiles;
import dev.shifter.report.internal.ColumnCheck;
import dev.shifter.report.internal.RenderedReport;
import dev.shifter.report.internal.ReportInput;
import dev.shifter.report.internal.ReportRenderer;
import dev.shifter.shift.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds and writes the self-contained HTML report: one file, its plots embedded as PNG images
 * ({@code data:} URIs drawn with XChart), no script and no external resource, so it opens offline in
 * any browser. Its sections, each with a sentence on how to read it:
 *
 * <ol>
 *   <li><b>Overview</b>: rows, columns, and what was compared;
 *   <li><b>Continuous columns</b>: real, synthetic and shifted histograms overlaid (same bins,
 *       densities);
 *   <li><b>Categorical columns</b>: category shares side by side (the 15 most frequent, the rest
 *       grouped);
 *   <li><b>Correlations</b>: Pearson heatmaps of the continuous columns for each table, and of the
 *       differences synthetic - real and shifted - real;
 *   <li><b>Meta-features</b>: each target entry in the real, synthetic and shifted tables beside its
 *       target, and whether the shifted table is within tolerance (without targets: the core
 *       meta-features of each continuous column);
 *   <li><b>Quality</b>: the figures of {@link QualityEvaluator} for synthetic vs real and shifted vs
 *       real;
 *   <li><b>Training</b> (with a model or Shifter directory): the CTGAN's per-epoch losses and the
 *       Shifter's loss curve.
 * </ol>
 *
 * <pre>{@code
 * ReportSummary summary = Report.builder()
 *     .setReal(real).setSynthetic(synthetic).optShifted(shifted)
 *     .optTargets(Targets.read(Path.of("target.json"))).optLabel("income")
 *     .build().write(Path.of("report.html"));
 * }</pre>
 *
 * <p>The tables are read, never changed or closed; keep them open until {@link #write} returns.
 */
public final class Report {
  private final ReportInput input;

  private Report(ReportInput input) {
    this.input = input;
  }

  /**
   * Starts a builder.
   *
   * @return a builder; {@link Builder#setReal} and {@link Builder#setSynthetic} are required
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Computes everything, renders the page and writes it atomically (to a hidden temporary file beside
   * {@code htmlFile}, then moved over it), so a reader never sees half a report.
   *
   * @param htmlFile the file to create or replace; its directory must exist
   * @return what the report holds
   * @throws InvalidInputException if the file cannot be written there, or the Shifter directory's
   *     targets do not fit the tables
   * @throws ArtifactException if the model or Shifter directory is damaged or not one
   * @throws ShifterException if a computation or the writing fails otherwise
   */
  public ReportSummary write(Path htmlFile) {
    Objects.requireNonNull(htmlFile, "htmlFile");
    AtomicFiles.requireWritable(htmlFile);
    RenderedReport rendered = ReportRenderer.render(input);
    AtomicFiles.writeText(htmlFile, rendered.html());
    return new ReportSummary(htmlFile, rendered.images(), rendered.sections(), rendered.targetsWithinTolerance(),
        rendered.targetEntries());
  }

  /**
   * Builds a {@link Report}: {@code setX} values are required, {@code optX} values optional; the inputs
   * are checked in {@link #build()}.
   */
  public static final class Builder {
    private @Nullable Table real;
    private @Nullable Table synthetic;
    private @Nullable Table shifted;
    private @Nullable Targets targets;
    private @Nullable String label;
    private @Nullable Path ctganModel;
    private @Nullable Path shifterDir;
    private @Nullable MetaFeatureRegistry registry;
    private String title = "Shifter report";
    private @Nullable String subtitle;
    private long seed;
    private List<QualityReport> quality = List.of();

    private Builder() {}

    /**
     * Sets the real table (required). The caller keeps ownership.
     *
     * @param value the real table
     * @return this builder
     */
    public Builder setReal(Table value) {
      real = Objects.requireNonNull(value, "real");
      return this;
    }

    /**
     * Sets the synthetic table, the plain CTGAN sample (required). The caller keeps ownership.
     *
     * @param value the synthetic table, with the real table's columns
     * @return this builder
     */
    public Builder setSynthetic(Table value) {
      synthetic = Objects.requireNonNull(value, "synthetic");
      return this;
    }

    /**
     * Sets the shifted table, the Shifter's output. The caller keeps ownership.
     *
     * @param value the shifted table, with the real table's columns
     * @return this builder
     */
    public Builder optShifted(Table value) {
      shifted = Objects.requireNonNull(value, "shifted");
      return this;
    }

    /**
     * Sets the targets shown in the meta-feature table (point targets; for a range each entry counts as
     * within tolerance anywhere inside its interval). Without them the table shows the core
     * meta-features of each continuous column, or the targets of {@link #optShifterDir} when given.
     *
     * @param value the targets
     * @return this builder
     */
    public Builder optTargets(Targets value) {
      targets = Objects.requireNonNull(value, "targets");
      return this;
    }

    /**
     * Gives the quality figures already computed with {@link QualityEvaluator} (same real table, label
     * and seed as this builder) so that the report shows them instead of evaluating the tables again:
     * one for the synthetic table, then one for the shifted table when there is one.
     *
     * @param synthetic the synthetic table's figures
     * @param shiftedTable the shifted table's figures, or none without a shifted table
     * @return this builder
     */
    public Builder optQuality(QualityReport synthetic, QualityReport... shiftedTable) {
      List<QualityReport> reports = new ArrayList<>();
      reports.add(Objects.requireNonNull(synthetic, "synthetic"));
      reports.addAll(List.of(shiftedTable));
      quality = List.copyOf(reports);
      return this;
    }

    /**
     * Sets a categorical column to predict: adds the machine-learning efficacy to the quality section.
     *
     * @param column the label column
     * @return this builder
     */
    public Builder optLabel(String column) {
      label = Objects.requireNonNull(column, "column");
      return this;
    }

    /**
     * Sets the CTGAN model directory: adds its per-epoch loss curves.
     *
     * @param modelDir the directory written by {@code shifter fit}
     * @return this builder
     */
    public Builder optCtganModel(Path modelDir) {
      ctganModel = Objects.requireNonNull(modelDir, "modelDir");
      return this;
    }

    /**
     * Sets the Shifter directory: adds its training-loss curve; its relative and absolute tolerances
     * decide "within tolerance", and its targets are shown when {@link #optTargets} is not given.
     *
     * @param shifterDir the directory written by {@code shifter train}
     * @return this builder
     */
    public Builder optShifterDir(Path shifterDir) {
      this.shifterDir = Objects.requireNonNull(shifterDir, "shifterDir");
      return this;
    }

    /**
     * Sets the meta-features (default: {@link MetaFeatureRegistry#loadInstalled()}).
     *
     * @param value the registry
     * @return this builder
     */
    public Builder optRegistry(MetaFeatureRegistry value) {
      registry = Objects.requireNonNull(value, "registry");
      return this;
    }

    /**
     * Sets the page title (default {@code "Shifter report"}).
     *
     * @param value the title
     * @return this builder
     */
    public Builder optTitle(String value) {
      title = Objects.requireNonNull(value, "title");
      return this;
    }

    /**
     * Sets a line shown under the title, e.g. the files compared.
     *
     * @param value the text
     * @return this builder
     */
    public Builder optSubtitle(String value) {
      subtitle = Objects.requireNonNull(value, "subtitle");
      return this;
    }

    /**
     * Sets the seed of the quality evaluation's folds, split and classifiers, and of the resampling that
     * estimates each target entry's sampling noise (default 0).
     *
     * @param value the seed
     * @return this builder
     */
    public Builder optSeed(long value) {
      seed = value;
      return this;
    }

    /**
     * Checks the inputs and builds the report.
     *
     * @return the report, ready to {@link Report#write}
     * @throws InvalidInputException if a required table is missing, the tables' columns differ, the
     *     label is unknown or continuous, a table is too small, a target does not fit the meta-features
     *     or the continuous columns, or a directory does not exist; the message says how to fix it
     */
    public Report build() {
      if (real == null || synthetic == null) {
        throw new InvalidInputException((real == null ? "setReal(Table)" : "setSynthetic(Table)") + " was not "
            + "called: the real and the synthetic table are both required. Call setReal(Table) and "
            + "setSynthetic(Table) before build().");
      }
      Table realTable = real;
      Table syntheticTable = synthetic;
      if (title.isBlank()) {
        throw new InvalidInputException("optTitle: the title is blank. Give a title, or leave the default.");
      }
      ColumnCheck.requireSameColumns(realTable, syntheticTable, "synthetic");
      checkQuality(realTable, syntheticTable);
      if (shifted != null) {
        ColumnCheck.requireSameColumns(realTable, shifted, "shifted");
        checkQuality(realTable, shifted);
      }
      checkGivenQuality(realTable, syntheticTable);
      requireDirectory(ctganModel, "model", "shifter fit");
      requireDirectory(shifterDir, "Shifter", "shifter train");
      MetaFeatureRegistry features = registry != null ? registry : MetaFeatureRegistry.loadInstalled();
      if (targets != null && !targets.needsWholeTable(features)) {
        targets.validate(features, realTable.continuousColumnNames());
      }
      return new Report(new ReportInput(realTable, syntheticTable, shifted, targets, label, ctganModel, shifterDir,
          features, title, subtitle, seed, quality));
    }

    private void checkQuality(Table realTable, Table other) {
      QualityEvaluator.Builder quality = QualityEvaluator.builder().setReal(realTable).setSynthetic(other);
      if (label != null) {
        quality.optLabel(label);
      }
      quality.build();
    }

    private void checkGivenQuality(Table realTable, Table syntheticTable) {
      if (quality.isEmpty()) {
        return;
      }
      int expected = shifted == null ? 1 : 2;
      if (quality.size() != expected) {
        throw new InvalidInputException("optQuality: " + quality.size() + " quality reports for " + expected
            + " table" + (expected == 1 ? "" : "s") + ". Give one for the synthetic table"
            + (expected == 1 ? "" : " and one for the shifted table") + ", in that order.");
      }
      for (int i = 0; i < quality.size(); i++) {
        QualityReport report = quality.get(i);
        Table table = i == 0 ? syntheticTable : Objects.requireNonNull(shifted);
        boolean sameTables = report.realRows() == realTable.rowCount() && report.syntheticRows() == table.rowCount()
            && report.continuousColumns().equals(realTable.continuousColumnNames())
            && report.categoricalColumns().equals(realTable.categoricalColumnNames());
        if (!sameTables || (label == null) != (report.efficacy() == null)) {
          throw new InvalidInputException("optQuality: the " + (i == 0 ? "synthetic" : "shifted") + " table's "
              + "quality report was computed for other tables or another label. Evaluate the same tables with "
              + "the same label, or leave optQuality out and let the report evaluate them.");
        }
      }
    }

    private static void requireDirectory(@Nullable Path dir, String what, String command) {
      if (dir != null && !Files.isDirectory(dir)) {
        throw new InvalidInputException("The " + what + " directory " + dir + (Files.exists(dir) ? " is a file"
            : " does not exist") + ". Give the directory written by '" + command + "'.");
      }
    }
  }
}
