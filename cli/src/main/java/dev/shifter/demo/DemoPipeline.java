package dev.shifter.demo;

import com.google.inject.Injector;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.MetaFeatureValues;
import dev.shifter.api.ShifterException;
import dev.shifter.api.Table;
import dev.shifter.commons.AtomicFiles;
import dev.shifter.ctgan.CtganModel;
import dev.shifter.ctgan.CtganTrainer;
import dev.shifter.ctgan.types.CtganConfig;
import dev.shifter.ctgan.types.FitListener;
import dev.shifter.demo.internal.OutputFolder;
import dev.shifter.eval.QualityEvaluator;
import dev.shifter.eval.QualityReport;
import dev.shifter.io.Tables;
import dev.shifter.report.Report;
import dev.shifter.report.ReportSummary;
import dev.shifter.shift.GeneratorLoaders;
import dev.shifter.shift.LoadedGenerator;
import dev.shifter.shift.ShiftedTable;
import dev.shifter.shift.ShifterConfig;
import dev.shifter.shift.ShifterInjection;
import dev.shifter.shift.ShifterModule;
import dev.shifter.shift.ShifterTrainer;
import dev.shifter.shift.ShifterTrainerFactory;
import dev.shifter.shift.TargetEntry;
import dev.shifter.shift.TargetReport;
import dev.shifter.shift.TiltGenerator;
import dev.shifter.shift.TiltedTable;
import dev.shifter.shift.Targets;
import dev.shifter.shift.TrainedShifter;
import dev.shifter.shift.TrainingListener;
import dev.shifter.shift.TrainingSummary;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.jspecify.annotations.Nullable;

/**
 * Runs the whole Shifter job end to end, as the CLI's {@code fit}, {@code sample}, {@code train},
 * {@code generate}, {@code evaluate} and {@code report} would one after the other, writing into one
 * folder (see {@link DemoFiles}):
 *
 * <ol>
 *   <li>{@link DemoStage#DATA}: the {@link DemoTable} (or the caller's table, cut to
 *       {@link DemoSettings#maxRows()} rows) goes to {@code data.csv}; the targets (the caller's, else
 *       {@link DemoTargets#forDemoTable} for the demo table and {@link DemoTargets#derive} for the
 *       caller's table) are checked against the installed meta-features and go to {@code target.json};
 *   <li>{@link DemoStage#FIT}: a CTGAN is fitted with {@link DemoSettings#ctgan()} into {@code model/};
 *   <li>{@link DemoStage#SAMPLE}: as many rows as the data are sampled into {@code synthetic.csv};
 *   <li>{@link DemoStage#TRAIN}: the model is loaded from {@code model/} and a Shifter is trained for the
 *       targets with {@link DemoSettings#shifter()} into {@code shifter/};
 *   <li>{@link DemoStage#GENERATE}: as many rows are generated with the Shifter into {@code shifted.csv};
 *   <li>{@link DemoStage#EVALUATE}: the data's value of each target entry, and the quality of the
 *       synthetic and shifted tables against the data ({@link QualityEvaluator});
 *   <li>{@link DemoStage#REPORT}: the HTML report {@code report.html} ({@link Report}), with the loss
 *       curves of both trainings;
 * </ol>
 *
 * then {@code summary.json}. One seed drives everything (the demo table, the fit, the sample, the
 * training, the generation and the evaluation's splits).
 *
 * <pre>{@code
 * DemoResult result = DemoPipeline.builder().setOutput(Path.of("demo-output"))
 *     .setSettings(DemoSettings.quick()).build().run();
 * }</pre>
 *
 * <p>Not thread-safe; {@link #requestStop()} may be called from any thread.
 */
public final class DemoPipeline {
  /** {@link DemoResult#shiftedBy()} when the Shifter made the shifted table. */
  public static final String SHIFTER = "shifter";
  /** {@link DemoResult#shiftedBy()} when the reweighting baseline made it. */
  public static final String TILT = "tilt";

  private final Path output;
  private final DemoSettings settings;
  private final @Nullable Table data;
  private final String dataName;
  private final @Nullable Targets targets;
  private final @Nullable String label;
  private final long seed;
  private final @Nullable MetaFeatureRegistry registry;
  private final FitListener fitListener;
  private final TrainingListener trainingListener;
  private final DemoListener listener;
  private final Map<DemoStage, Double> seconds = new LinkedHashMap<>();
  private volatile boolean stopRequested;
  private volatile @Nullable CtganTrainer fitting;
  private volatile @Nullable ShifterTrainer training;
  private long stageStart;

  private DemoPipeline(Builder builder) {
    this.output = Objects.requireNonNull(builder.output);
    this.settings = Objects.requireNonNull(builder.settings);
    this.data = builder.data;
    this.dataName = builder.dataName;
    this.targets = builder.targets;
    this.label = builder.labelGiven ? builder.label : builder.data == null ? DemoTable.LABEL : null;
    this.seed = builder.seed;
    this.registry = builder.registry;
    this.fitListener = builder.fitListener;
    this.trainingListener = builder.trainingListener;
    this.listener = builder.listener;
  }

  /**
   * Starts a builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Asks a running {@link #run()} to stop: the fit or the training stops after its current step, and
   * the run then ends with a {@link ShifterException} saying so. Safe from any thread.
   */
  public void requestStop() {
    stopRequested = true;
    CtganTrainer fit = fitting;
    if (fit != null) {
      fit.requestStop();
    }
    ShifterTrainer train = training;
    if (train != null) {
      train.requestStop();
    }
  }

  /**
   * Runs every stage and writes every file.
   *
   * @return what was done
   * @throws InvalidInputException if the output folder holds other files, the data has no usable
   *     continuous column, or a target or the label does not fit the data
   * @throws ShifterException if a stage fails or the run was stopped
   */
  public DemoResult run() {
    long started = System.nanoTime();
    seconds.clear();
    DemoFiles files = new DemoFiles(output);
    OutputFolder.prepare(output, DemoFiles.NAMES);
    MetaFeatureRegistry features = registry != null ? registry : MetaFeatureRegistry.loadInstalled();
    try (BufferAllocator allocator = new RootAllocator();
        Table real = prepareData(allocator, files)) {
      Targets wanted = prepareTargets(real, features, files);
      int rows = real.rowCount();
      Table synthetic = fitAndSample(real, allocator, files);
      try (Table syntheticTable = synthetic;
          LoadedGenerator generator = GeneratorLoaders.load(files.model());
          TrainedShifter shifter = train(generator, wanted, features, files);
          ShiftedTable byShifter = generate(shifter, allocator, rows, files);
          ShiftedTable shifted = preferTilt(byShifter, generator, wanted, features, allocator, rows, files)) {
        begin(DemoStage.EVALUATE, "the data's target values; detection score and marginals"
            + (label == null ? "" : ", and the machine-learning efficacy for '" + label + "',")
            + " of both tables against the data");
        MetaFeatureValues computed = MetaFeatureValues.of(real, features.select(wanted.entries().stream()
            .map(TargetEntry::feature).distinct().toList()), label);
        double[] dataValues = wanted.entries().stream().mapToDouble(e -> computed.get(e.feature(), e.key())).toArray();
        List<TargetOutcome> outcomes = outcomes(shifted.report(), dataValues);
        QualityReport syntheticQuality = quality(real, syntheticTable);
        QualityReport shiftedQuality = quality(real, shifted.table());
        end(DemoStage.EVALUATE, String.format(Locale.ROOT, "detection score %.3f (synthetic), %.3f (shifted)",
            syntheticQuality.detection().score(), shiftedQuality.detection().score()));
        ReportSummary report = report(real, syntheticTable, shifted.table(), wanted, features, files,
            syntheticQuality, shiftedQuality);
        TrainingSummary summary = shifter.summary().orElseThrow();
        DemoResult result = new DemoResult(files, dataName(rows), rows, label == null ? "" : label, outcomes,
            syntheticQuality, shiftedQuality, settings.ctgan().epochs(), summary.steps(), summary.stopReason(),
            withinTolerance(byShifter), shifted == byShifter ? SHIFTER : TILT, report, seconds,
            (System.nanoTime() - started) / 1e9);
        SummaryJson.write(result);
        return result;
      }
    }
  }

  private Table prepareData(BufferAllocator allocator, DemoFiles files) {
    Table given = data;
    Table real;
    if (given == null) {
      begin(DemoStage.DATA, String.format(Locale.ROOT, "generating the demo table: %,d rows, seed %d",
          settings.tableRows(), seed));
      real = DemoTable.generate(allocator, settings.tableRows(), seed);
    } else {
      int count = given.rowCount();
      int kept = Math.min(count, settings.maxRows());
      begin(DemoStage.DATA, kept < count ? String.format(Locale.ROOT, "%s: a seeded random %,d of its %,d rows",
          dataName, kept, count) : String.format(Locale.ROOT, "%s: %,d rows", dataName, count));
      if (count < 10) {
        throw new InvalidInputException(dataName + " has " + count + " rows; the demo needs at least 10. Give a "
            + "larger table.");
      }
      real = given.takeRows(allocator, subset(count, kept));
    }
    try {
      Tables.write(real, files.data());
    } catch (RuntimeException e) {
      real.close();
      throw e;
    }
    return real;
  }

  private int[] subset(int count, int kept) {
    int[] order = new int[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    if (kept == count) {
      return order;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < kept; i++) {
      int j = i + random.nextInt(count - i);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    int[] chosen = Arrays.copyOf(order, kept);
    Arrays.sort(chosen);
    return chosen;
  }

  private Targets prepareTargets(Table real, MetaFeatureRegistry features, DemoFiles files) {
    Targets given = targets;
    Targets wanted = given != null ? given : data == null ? DemoTargets.forDemoTable(real, features)
        : DemoTargets.derive(real, features);
    if (wanted.isRange()) {
      throw new InvalidInputException("The demo trains for fixed targets, but a range was given (" + wanted
          + "). Give one value per entry.");
    }
    if (!wanted.needsWholeTable(features)) {
      wanted.validate(features, real.continuousColumnNames());
    }
    String column = label;
    if (column != null && !real.categoricalColumnNames().contains(column)) {
      throw new InvalidInputException("The label '" + column + "' is not a categorical column of " + dataName
          + ". Its categorical columns are: " + String.join(", ", real.categoricalColumnNames()) + ".");
    }
    AtomicFiles.writeText(files.target(), wanted.toJson() + "\n");
    end(DemoStage.DATA, "wrote " + files.data() + " and " + files.target() + "; targets: " + wanted.entries().stream()
        .map(e -> e.label() + " = " + number(e.low())).collect(Collectors.joining(", ")));
    return wanted;
  }

  private Table fitAndSample(Table real, BufferAllocator allocator, DemoFiles files) {
    CtganConfig config = settings.ctgan();
    int rows = real.rowCount();
    begin(DemoStage.FIT, String.format(Locale.ROOT, "%d epochs on %,d rows, batch %d", config.epochs(), rows,
        config.batchSize()));
    CtganTrainer trainer = CtganTrainer.builder().setData(real).optConfig(config).optSeed(seed)
        .optCheckpointDir(files.model()).optCheckpointEvery(0).optListener(fitListener).build();
    fitting = trainer;
    if (stopRequested) {
      trainer.requestStop();
    }
    try (CtganModel model = trainer.fit()) {
      fitting = null;
      checkStopped(DemoStage.FIT);
      end(DemoStage.FIT, "wrote the model to " + files.model());
      begin(DemoStage.SAMPLE, String.format(Locale.ROOT, "%,d rows", rows));
      Table synthetic = model.sample(allocator, rows, seed);
      try {
        Tables.write(synthetic, files.synthetic());
      } catch (RuntimeException e) {
        synthetic.close();
        throw e;
      }
      end(DemoStage.SAMPLE, "wrote " + files.synthetic());
      return synthetic;
    }
  }

  private TrainedShifter train(LoadedGenerator generator, Targets wanted, MetaFeatureRegistry features,
      DemoFiles files) {
    ShifterConfig config = settings.shifter().toBuilder().optSeed(seed)
        .optLabel(wanted.needsWholeTable(features) ? label : null).build();
    begin(DemoStage.TRAIN, String.format(Locale.ROOT, "%d target entries, at most %d steps of %,d rows",
        wanted.entries().size(), config.steps(), config.trainSamples()));
    Injector injector = ShifterInjection.createInjector(ShifterModule.builder().setGenerator(generator)
        .optConfig(config).optRegistry(features).build());
    ShifterTrainer trainer = ShifterInjection.getInstance(injector, ShifterTrainerFactory.class).builder()
        .setTargets(wanted).optOutputDirectory(files.shifter()).optListener(trainingListener).build();
    training = trainer;
    if (stopRequested) {
      trainer.requestStop();
    }
    TrainedShifter shifter = trainer.train();
    training = null;
    try {
      checkStopped(DemoStage.TRAIN);
    } catch (RuntimeException e) {
      shifter.close();
      throw e;
    }
    TrainingSummary summary = shifter.summary().orElseThrow();
    end(DemoStage.TRAIN, String.format(Locale.ROOT, "wrote the Shifter to %s: %d steps (%s)", files.shifter(),
        summary.steps(), summary.stopReason().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
    return shifter;
  }

  private ShiftedTable generate(TrainedShifter shifter, BufferAllocator allocator, int rows, DemoFiles files) {
    begin(DemoStage.GENERATE, String.format(Locale.ROOT, "%,d rows", rows));
    ShiftedTable shifted = shifter.generate(allocator, rows, seed);
    try {
      Tables.write(shifted.table(), files.shifted());
    } catch (RuntimeException e) {
      shifted.close();
      throw e;
    }
    int within = withinTolerance(shifted);
    end(DemoStage.GENERATE, "wrote " + files.shifted() + "; " + within + " of " + shifted.report().size()
        + " target entries within tolerance");
    return shifted;
  }

  /**
   * Tries the training-free reweighting ({@link TiltGenerator}) when the Shifter's table left an entry
   * outside its tolerance, and keeps whichever table has more entries within tolerance (the Shifter's on
   * a tie). The tilted table then replaces {@code shifted.csv}; the Shifter's stays in its directory's
   * reach ({@code shifter generate}).
   */
  private ShiftedTable preferTilt(ShiftedTable byShifter, LoadedGenerator generator, Targets wanted,
      MetaFeatureRegistry features, BufferAllocator allocator, int rows, DemoFiles files) {
    int shifterWithin = withinTolerance(byShifter);
    if (shifterWithin == byShifter.report().size()) {
      return byShifter;
    }
    TiltedTable tilted;
    try {
      tilted = TiltGenerator.builder().setGenerator(generator).setTargets(wanted).optRegistry(features).build()
          .generate(allocator, rows, seed);
    } catch (ShifterException e) {
      listener.onNote("the reweighting baseline (tilt) could not be tried: " + e.getMessage());
      return byShifter;
    }
    ShiftedTable byTilt = new ShiftedTable(tilted.table(), tilted.report());
    int tiltWithin = withinTolerance(byTilt);
    if (tiltWithin <= shifterWithin) {
      listener.onNote(String.format(Locale.ROOT, "the reweighting baseline (tilt) reached %d of %d entries, no "
          + "more than the Shifter: shifted.csv keeps the Shifter's rows.", tiltWithin, byTilt.report().size()));
      byTilt.close();
      return byShifter;
    }
    try {
      Tables.write(byTilt.table(), files.shifted());
    } catch (RuntimeException e) {
      byTilt.close();
      throw e;
    }
    listener.onNote(String.format(Locale.ROOT, "the Shifter reached %d of %d entries and the reweighting baseline "
        + "(tilt, effective sample size %,.0f of a %,d-row pool) %d: shifted.csv now holds tilt's rows, and the "
        + "report and quality are of them. The Shifter stays in %s.", shifterWithin, byTilt.report().size(),
        tilted.effectiveSampleSize(), tilted.poolRows(), tiltWithin, files.shifter()));
    return byTilt;
  }

  private static int withinTolerance(ShiftedTable table) {
    return (int) table.report().stream().filter(TargetReport::withinTolerance).count();
  }

  private static List<TargetOutcome> outcomes(List<TargetReport> reports, double[] dataValues) {
    List<TargetOutcome> outcomes = new ArrayList<>(reports.size());
    for (int i = 0; i < reports.size(); i++) {
      TargetReport r = reports.get(i);
      outcomes.add(new TargetOutcome(r.feature(), r.key(), r.target(), dataValues[i], r.unshifted(), r.reached(),
          r.tolerance(), r.withinTolerance()));
    }
    return outcomes;
  }

  private QualityReport quality(Table real, Table other) {
    QualityEvaluator.Builder builder = QualityEvaluator.builder().setReal(real).setSynthetic(other).optSeed(seed);
    if (label != null) {
      builder.optLabel(label);
    }
    return builder.build().evaluate();
  }

  /** Writes {@code report.html} with {@link Report}: the data against the synthetic and shifted tables. */
  private ReportSummary report(Table real, Table synthetic, Table shifted, Targets wanted, MetaFeatureRegistry features,
      DemoFiles files, QualityReport syntheticQuality, QualityReport shiftedQuality) {
    begin(DemoStage.REPORT, "histograms, bar charts, correlation heatmaps, meta-features, quality, loss curves");
    Report.Builder builder = Report.builder().setReal(real).setSynthetic(synthetic).optShifted(shifted)
        .optTargets(wanted).optCtganModel(files.model()).optShifterDir(files.shifter()).optRegistry(features)
        .optSeed(seed).optTitle("Shifter demo").optSubtitle(dataName(real.rowCount()))
        .optQuality(syntheticQuality, shiftedQuality);
    if (label != null) {
      builder.optLabel(label);
    }
    ReportSummary summary = builder.build().write(files.report());
    end(DemoStage.REPORT, String.format(Locale.ROOT, "wrote %s: %d sections, %d images", files.report(),
        summary.sections().size(), summary.images()));
    return summary;
  }

  private void checkStopped(DemoStage stage) {
    if (stopRequested) {
      throw new ShifterException("The demo was stopped during the stage '" + stage.title() + "'; the files "
          + "written so far are in " + output + ". Run the demo again to start over.");
    }
  }

  private String dataName(int rows) {
    return data == null ? String.format(Locale.ROOT, "demo table (%,d rows, seed %d)", rows, seed) : dataName;
  }

  private void begin(DemoStage stage, String detail) {
    stageStart = System.nanoTime();
    listener.onStageStart(stage, detail);
  }

  private void end(DemoStage stage, String outcome) {
    long took = System.nanoTime() - stageStart;
    seconds.put(stage, took / 1e9);
    listener.onStageEnd(stage, Duration.ofNanos(took), outcome);
  }

  private static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /**
   * Builds a {@link DemoPipeline}: {@code setOutput} and {@code setSettings} are required.
   */
  public static final class Builder {
    private @Nullable Path output;
    private @Nullable DemoSettings settings;
    private @Nullable Table data;
    private String dataName = "the data";
    private @Nullable Targets targets;
    private @Nullable String label;
    private boolean labelGiven;
    private long seed;
    private @Nullable MetaFeatureRegistry registry;
    private FitListener fitListener = progress -> { };
    private TrainingListener trainingListener = TrainingListener.none();
    private DemoListener listener = DemoListener.none();

    private Builder() {}

    /**
     * Sets the output folder (created if missing; refused if it holds files a demo does not write).
     *
     * @param value the folder
     * @return this builder
     */
    public Builder setOutput(Path value) {
      this.output = value;
      return this;
    }

    /**
     * Sets the sizes.
     *
     * @param value {@link DemoSettings#standard()}, {@link DemoSettings#quick()} or your own
     * @return this builder
     */
    public Builder setSettings(DemoSettings value) {
      this.settings = value;
      return this;
    }

    /**
     * Runs the demo on this table instead of the {@link DemoTable}. The table is copied (at most
     * {@link DemoSettings#maxRows()} rows of it); the caller keeps and closes it.
     *
     * @param value the table
     * @param name what to call it in messages and the summary, e.g. its file
     * @return this builder
     */
    public Builder optData(Table value, String name) {
      this.data = value;
      this.dataName = name;
      return this;
    }

    /**
     * Sets the targets (default: {@link DemoTargets#forDemoTable} of the demo table, or
     * {@link DemoTargets#derive} of the caller's table).
     *
     * @param value fixed targets
     * @return this builder
     */
    public Builder optTargets(Targets value) {
      this.targets = value;
      return this;
    }

    /**
     * Sets the categorical column whose prediction measures the machine-learning efficacy (default:
     * {@link DemoTable#LABEL} for the demo table, none for the caller's table).
     *
     * @param value the label column
     * @return this builder
     */
    public Builder optLabel(String value) {
      this.label = value;
      this.labelGiven = true;
      return this;
    }

    /**
     * Sets the seed of everything random (default 0).
     *
     * @param value the seed
     * @return this builder
     */
    public Builder optSeed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * Sets the meta-features (default: {@link MetaFeatureRegistry#loadInstalled()}).
     *
     * @param value the registry
     * @return this builder
     */
    public Builder optRegistry(MetaFeatureRegistry value) {
      this.registry = value;
      return this;
    }

    /**
     * Sets the listener of the CTGAN fit's steps and epochs.
     *
     * @param value the listener
     * @return this builder
     */
    public Builder optFitListener(FitListener value) {
      this.fitListener = value;
      return this;
    }

    /**
     * Sets the listener of the Shifter training's steps.
     *
     * @param value the listener
     * @return this builder
     */
    public Builder optTrainingListener(TrainingListener value) {
      this.trainingListener = value;
      return this;
    }

    /**
     * Sets the listener of the stages.
     *
     * @param value the listener
     * @return this builder
     */
    public Builder optListener(DemoListener value) {
      this.listener = value;
      return this;
    }

    /**
     * Checks the settings and builds the pipeline.
     *
     * @return the pipeline
     * @throws InvalidInputException if the output folder or the settings are missing
     */
    public DemoPipeline build() {
      if (output == null || settings == null) {
        throw new InvalidInputException("A demo needs an output folder and settings: call setOutput(path) and "
            + "setSettings(DemoSettings.standard()) before build().");
      }
      return new DemoPipeline(this);
    }
  }
}
