package dev.shifter.sweep;

import com.google.inject.Injector;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.Table;
import dev.shifter.commons.AtomicFiles;
import dev.shifter.eval.QualityEvaluator;
import dev.shifter.io.Tables;
import dev.shifter.shift.GeneratorLoaders;
import dev.shifter.shift.LoadedGenerator;
import dev.shifter.shift.SavedShifter;
import dev.shifter.shift.ShiftedTable;
import dev.shifter.shift.ShifterConfig;
import dev.shifter.shift.ShifterInjection;
import dev.shifter.shift.ShifterModule;
import dev.shifter.shift.ShifterTrainerFactory;
import dev.shifter.shift.SweepAxis;
import dev.shifter.shift.SweepGrid;
import dev.shifter.shift.SweepPoint;
import dev.shifter.shift.TargetReport;
import dev.shifter.shift.Targets;
import dev.shifter.shift.TrainedShifter;
import dev.shifter.shift.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.jspecify.annotations.Nullable;

/**
 * Makes a family of tables whose meta-features run over a grid: one Shifter trained on the grid's whole
 * box (a target range; the MetaEncoder conditions the shift on the point), then one table per point,
 * generated for that point's targets. The output folder holds:
 *
 * <pre>
 * sweep.json       the sweep's settings (axes, points, rows, seed, format); a resumed sweep must match them
 * shifter/         the range Shifter (unless one was given)
 * tables/          point-0001.csv, ... one table per point, each written atomically
 * refined/         with {@link Builder#optRefine}: the Shifter of each point the range Shifter left outside
 *                  its tolerance
 * manifest.csv     per point: requested and reached value and relative error of each axis, whether every
 *                  entry is within tolerance, the detection score against the real data (if given)
 * sweep.html       requested against reached, per axis, as scatter plots
 * </pre>
 *
 * <p>An interrupted sweep run again with the same settings trains on from the Shifter's checkpoint and
 * makes only the points that {@code manifest.csv} does not list yet. Point {@code i}'s rows are seeded
 * with {@code seed + i}, so a point's table does not depend on which other points were made.
 *
 * <pre>{@code
 * SweepGrid grid = SweepGrid.read(Path.of("grid.json"));
 * SweepResult result = Sweep.builder().setModel(Path.of("models/adult")).setGrid(grid)
 *     .setOutput(Path.of("sweep")).optRows(10_000).build().run();
 * }</pre>
 */
public final class Sweep {
  /** The name of the settings file. */
  public static final String SETTINGS = "sweep.json";
  /** The name of the manifest. */
  public static final String MANIFEST = "manifest.csv";
  /** The name of the HTML page. */
  public static final String PAGE = "sweep.html";
  /** The folder of the range Shifter when none is given. */
  public static final String SHIFTER = "shifter";
  /** The folder of the tables. */
  public static final String TABLES = "tables";
  /** The folder of the points' own Shifters. */
  public static final String REFINED = "refined";

  private final Path model;
  private final SweepGrid grid;
  private final List<SweepPoint> points;
  private final String design;
  private final Path output;
  private final @Nullable Path shifter;
  private final int rows;
  private final long seed;
  private final String format;
  private final @Nullable Path realData;
  private final @Nullable String label;
  private final ShifterConfig config;
  private final @Nullable MetaFeatureRegistry registry;
  private final SweepListener listener;
  private final TrainingListener trainingListener;
  private final boolean refine;

  private Sweep(Builder b) {
    this.model = Objects.requireNonNull(b.model, "setModel");
    this.grid = Objects.requireNonNull(b.grid, "setGrid");
    this.output = Objects.requireNonNull(b.output, "setOutput");
    this.points = b.points != null ? List.copyOf(b.points) : grid.product();
    this.design = b.points != null ? b.design : "grid";
    this.shifter = b.shifter;
    this.rows = b.rows;
    this.seed = b.seed;
    this.format = b.format;
    this.realData = b.realData;
    this.label = b.label;
    this.config = b.config;
    this.registry = b.registry;
    this.listener = b.listener;
    this.trainingListener = b.trainingListener;
    this.refine = b.refine;
    if (rows < 1) {
      throw new InvalidInputException("A sweep needs at least 1 row a table, got " + rows + ".");
    }
    if (!List.of("csv", "arrow", "feather", "ipc", "parquet").contains(format)) {
      throw new InvalidInputException("Unknown table format '" + format + "' for the sweep's tables: choose csv, "
          + "arrow, feather, ipc or parquet.");
    }
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
   * Trains (or loads) the range Shifter and makes every point not made yet.
   *
   * @return the manifest's rows, in point order, and where the files are
   * @throws InvalidInputException if the output folder holds other files or another sweep's settings, or
   *     a given Shifter was not trained on a range that holds the grid
   */
  public SweepResult run() {
    long started = System.nanoTime();
    prepareFolder();
    MetaFeatureRegistry features = registry != null ? registry : MetaFeatureRegistry.loadInstalled();
    Path tables = output.resolve(TABLES);
    createDirectories(tables);
    Path manifest = output.resolve(MANIFEST);
    List<SweepRecord> records = new ArrayList<>(Files.exists(manifest)
        ? SweepManifest.read(manifest, grid.axes()) : List.of());
    Set<Integer> done = new HashSet<>();
    records.removeIf(r -> !Files.exists(output.resolve(r.file())));
    records.forEach(r -> done.add(r.id()));
    double trainingSeconds;
    try (LoadedGenerator generator = GeneratorLoaders.load(model);
        BufferAllocator allocator = new RootAllocator()) {
      long trainingStarted = System.nanoTime();
      try (TrainedShifter trained = shifter(generator, features)) {
        trainingSeconds = (System.nanoTime() - trainingStarted) / 1e9;
        checkRange(trained);
        try (Table real = realData == null ? null : Tables.read(realData, allocator)) {
          for (SweepPoint point : points) {
            if (done.contains(point.id())) {
              continue;
            }
            SweepRecord made = make(point, trained, generator, features, allocator, real);
            records.add(made);
            records.sort((a, b) -> Integer.compare(a.id(), b.id()));
            SweepManifest.write(manifest, grid.axes(), records);
            listener.onPoint(made, records.size(), points.size());
          }
        }
      }
    }
    SweepPage.write(output.resolve(PAGE), grid.axes(), records);
    return new SweepResult(output, records, trainingSeconds, (System.nanoTime() - started) / 1e9);
  }

  private SweepRecord make(SweepPoint point, TrainedShifter trained, LoadedGenerator generator,
      MetaFeatureRegistry features, BufferAllocator allocator, @Nullable Table real) {
    String file = TABLES + "/" + String.format(Locale.ROOT, "point-%04d.%s", point.id(), format);
    Targets targets = point.targets(grid.axes());
    ShiftedTable shifted = trained.generate(allocator, rows, seed + point.id(), targets);
    String madeBy = SweepRecord.RANGE;
    if (refine && !shifted.allWithinTolerance()) {
      ShiftedTable refined;
      try (TrainedShifter own = train(generator, features, targets,
          output.resolve(REFINED).resolve(String.format(Locale.ROOT, "point-%04d", point.id())))) {
        refined = own.generate(allocator, rows, seed + point.id(), targets);
      }
      if (worst(refined) < worst(shifted)) {
        shifted.close();
        shifted = refined;
        madeBy = SweepRecord.REFINED;
      } else {
        refined.close();
      }
    }
    try (ShiftedTable kept = shifted) {
      Tables.write(kept.table(), output.resolve(file));
      List<Double> reached = new ArrayList<>();
      List<Double> errors = new ArrayList<>();
      for (SweepAxis axis : grid.axes()) {
        TargetReport report = find(kept.report(), axis);
        reached.add(report.reached());
        errors.add(report.relativeError());
      }
      OptionalDouble detection = real == null ? OptionalDouble.empty() : OptionalDouble.of(QualityEvaluator.builder()
          .setReal(real).setSynthetic(kept.table()).optSeed(seed).build().evaluate().detection().score());
      return new SweepRecord(point.id(), file, point.values(), reached, errors, kept.allWithinTolerance(), madeBy,
          detection);
    }
  }

  private static double worst(ShiftedTable table) {
    return table.report().stream().mapToDouble(TargetReport::relativeError).max().orElse(0);
  }

  private static TargetReport find(List<TargetReport> reports, SweepAxis axis) {
    return reports.stream().filter(r -> r.feature().equals(axis.feature()) && r.key().equals(axis.key()))
        .findFirst().orElseThrow(() -> new IllegalStateException("no report of " + axis.label()));
  }

  private TrainedShifter shifter(LoadedGenerator generator, MetaFeatureRegistry features) {
    Path given = shifter;
    if (given != null) {
      return TrainedShifter.load(given, generator.adapter(), generator.model(), features);
    }
    Path dir = output.resolve(SHIFTER);
    if (Files.isDirectory(dir)) {
      SavedShifter saved = TrainedShifter.inspect(dir);
      if (!saved.targets().equals(grid.box())) {
        throw new InvalidInputException(dir + " holds a Shifter trained on " + saved.targets() + ", not on this "
            + "sweep's box " + grid.box() + ". Give another --out, or delete " + dir + ".");
      }
    }
    return train(generator, features, grid.box(), dir);
  }

  /** Trains a Shifter for targets into a folder, resuming its checkpoint or loading it when complete. */
  private TrainedShifter train(LoadedGenerator generator, MetaFeatureRegistry features, Targets targets, Path dir) {
    boolean exists = Files.isDirectory(dir);
    if (exists && TrainedShifter.inspect(dir).complete()) {
      return TrainedShifter.load(dir, generator.adapter(), generator.model(), features);
    }
    ShifterConfig settings = config.toBuilder().optSeed(seed).optLabel(label).build();
    Injector injector = ShifterInjection.createInjector(ShifterModule.builder().setGenerator(generator)
        .optConfig(settings).optRegistry(features).build());
    return ShifterInjection.getInstance(injector, ShifterTrainerFactory.class).builder().setTargets(targets)
        .optOutputDirectory(dir).optResume(exists).optListener(trainingListener).build().train();
  }

  private void checkRange(TrainedShifter trained) {
    for (SweepAxis axis : grid.axes()) {
      var entry = trained.targets().find(axis.feature(), axis.key());
      if (entry.isEmpty() || entry.get().low() > axis.low() || entry.get().high() < axis.high()) {
        throw new InvalidInputException("The Shifter was trained on " + trained.targets() + ", which does not hold "
            + axis.label() + " in [" + axis.low() + ", " + axis.high() + "]. Train one on a range that holds the "
            + "grid (leave out --shifter and the sweep trains one), or narrow the grid.");
      }
    }
  }

  private void prepareFolder() {
    createDirectories(output);
    String settings = settingsJson();
    Path file = output.resolve(SETTINGS);
    if (Files.exists(file)) {
      String saved = readString(file);
      if (!saved.equals(settings)) {
        throw new InvalidInputException(output + " holds a sweep with other settings (" + file + "). Run it with the "
            + "same grid, design, rows, seed and format to resume it, or give another --out.");
      }
      return;
    }
    try (Stream<Path> entries = Files.list(output)) {
      List<String> names = entries.map(p -> p.getFileName().toString()).sorted().toList();
      if (!names.isEmpty()) {
        throw new InvalidInputException(output + " holds other files (" + String.join(", ", names.subList(0,
            Math.min(3, names.size()))) + (names.size() > 3 ? ", ..." : "") + "), not a sweep. Give an empty or new "
            + "folder.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AtomicFiles.writeText(file, settings);
  }

  private String settingsJson() {
    String axes = grid.axes().stream().map(a -> String.format(Locale.ROOT,
        "    {\"feature\": \"%s\", \"key\": \"%s\", \"low\": %s, \"high\": %s, \"steps\": %d}", a.feature(), a.key(),
        a.low(), a.high(), a.steps())).collect(Collectors.joining(",\n"));
    return String.format(Locale.ROOT, "{\n  \"axes\": [\n%s\n  ],\n  \"design\": \"%s\",\n  \"points\": %d,\n"
        + "  \"rows\": %d,\n  \"seed\": %d,\n  \"format\": \"%s\",\n  \"shifter\": %s,\n  \"refine\": %s\n}\n", axes,
        design, points.size(), rows, seed, format, shifter == null ? "null" : "\"" + shifter.toAbsolutePath() + "\"",
        refine);
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot create " + dir + " (" + e.getMessage() + "). Check the path and its "
          + "permissions.", e);
    }
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds a {@link Sweep}: model, grid and output are required. */
  public static final class Builder {
    private @Nullable Path model;
    private @Nullable SweepGrid grid;
    private @Nullable List<SweepPoint> points;
    private String design = "grid";
    private @Nullable Path output;
    private @Nullable Path shifter;
    private int rows = 10_000;
    private long seed;
    private String format = "csv";
    private @Nullable Path realData;
    private @Nullable String label;
    private ShifterConfig config = ShifterConfig.defaults();
    private @Nullable MetaFeatureRegistry registry;
    private SweepListener listener = (record, done, total) -> { };
    private TrainingListener trainingListener = TrainingListener.none();
    private boolean refine;

    private Builder() {}

    /**
     * Trains a Shifter of its own for every point that the range Shifter leaves outside its tolerance,
     * and keeps whichever of the two tables is closer to the point (default false). Costs one fixed
     * training per such point; the manifest's {@code made_by} says which Shifter made each table.
     *
     * @param value whether to refine
     * @return this builder
     */
    public Builder optRefine(boolean value) {
      refine = value;
      return this;
    }

    /**
     * Sets the CTGAN model directory.
     *
     * @param value the model
     * @return this builder
     */
    public Builder setModel(Path value) {
      model = value;
      return this;
    }

    /**
     * Sets the grid; its full product is the points unless {@link #optLatinHypercube} is set.
     *
     * @param value the grid
     * @return this builder
     */
    public Builder setGrid(SweepGrid value) {
      grid = value;
      return this;
    }

    /**
     * Sets the output folder: new, empty, or holding this sweep (which then resumes).
     *
     * @param value the folder
     * @return this builder
     */
    public Builder setOutput(Path value) {
      output = value;
      return this;
    }

    /**
     * Takes a Latin hypercube of {@code count} points over the grid's box instead of the full product.
     *
     * @param count the number of points
     * @param hypercubeSeed the seed of the hypercube
     * @return this builder
     */
    public Builder optLatinHypercube(int count, long hypercubeSeed) {
      Objects.requireNonNull(grid, "setGrid before optLatinHypercube");
      points = grid.latinHypercube(count, hypercubeSeed);
      design = "lhs " + hypercubeSeed;
      return this;
    }

    /**
     * Uses a trained range Shifter instead of training one.
     *
     * @param value its directory; its range must hold the grid
     * @return this builder
     */
    public Builder optShifter(Path value) {
      shifter = value;
      return this;
    }

    /**
     * Sets the rows of each table (default 10,000).
     *
     * @param value the rows
     * @return this builder
     */
    public Builder optRows(int value) {
      rows = value;
      return this;
    }

    /**
     * Sets the seed of the Shifter's training and of the tables (point {@code i}: {@code seed + i}; default 0).
     *
     * @param value the seed
     * @return this builder
     */
    public Builder optSeed(long value) {
      seed = value;
      return this;
    }

    /**
     * Sets the tables' format by its file extension: csv (default), arrow, feather, ipc or parquet.
     *
     * @param value the extension, without the dot
     * @return this builder
     */
    public Builder optFormat(String value) {
      format = value.toLowerCase(Locale.ROOT);
      return this;
    }

    /**
     * Gives the real data, against which each table's detection score is measured.
     *
     * @param value the data file
     * @return this builder
     */
    public Builder optRealData(Path value) {
      realData = value;
      return this;
    }

    /**
     * Sets the label column that class-aware meta-features of the grid take as the class.
     *
     * @param value a categorical column of the model
     * @return this builder
     */
    public Builder optLabel(String value) {
      label = value;
      return this;
    }

    /**
     * Sets the range Shifter's training settings (default {@link ShifterConfig#defaults()}, with the sweep's seed).
     *
     * @param value the settings
     * @return this builder
     */
    public Builder optShifterConfig(ShifterConfig value) {
      config = value;
      return this;
    }

    /**
     * Sets the meta-features (default: the installed ones).
     *
     * @param value the registry
     * @return this builder
     */
    public Builder optRegistry(MetaFeatureRegistry value) {
      registry = value;
      return this;
    }

    /**
     * Sets the listener told about every finished point.
     *
     * @param value the listener
     * @return this builder
     */
    public Builder optListener(SweepListener value) {
      listener = value;
      return this;
    }

    /**
     * Sets the listener of the range Shifter's training.
     *
     * @param value the listener
     * @return this builder
     */
    public Builder optTrainingListener(TrainingListener value) {
      trainingListener = value;
      return this;
    }

    /**
     * Checks the settings and builds the sweep.
     *
     * @return the sweep
     * @throws InvalidInputException if the rows are below 1 or the format is unknown
     */
    public Sweep build() {
      return new Sweep(this);
    }
  }
}
