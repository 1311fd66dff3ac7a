package dev.shifter.eval;

import dev.shifter.api.ColumnKind;
import dev.shifter.api.ColumnSpec;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Remedy;
import dev.shifter.api.Remedy.Setting;
import dev.shifter.api.Table;
import dev.shifter.eval.internal.ClassificationMetrics;
import dev.shifter.eval.internal.ColumnArrays;
import dev.shifter.eval.internal.ColumnMatch;
import dev.shifter.eval.internal.Detection;
import dev.shifter.eval.internal.Efficacy;
import dev.shifter.eval.internal.KolmogorovSmirnov;
import dev.shifter.eval.internal.Learner;
import dev.shifter.eval.internal.TotalVariation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Measures the quality of a synthetic table against a real one:
 *
 * <ul>
 *   <li>the {@linkplain DetectionScore detection score} (SDMetrics' {@code LogisticDetection}: 1 when a
 *       cross-validated logistic regression cannot tell the tables apart);
 *   <li>the {@linkplain MarginalFidelity marginal fidelity} (KS complement per continuous column, TV
 *       complement per categorical column);
 *   <li>when a label column is given, the {@linkplain MlEfficacy machine-learning efficacy}: the
 *       accuracy and F1 on real test rows of classifiers trained on the synthetic table, beside the same
 *       classifiers trained on real rows.
 * </ul>
 *
 * <p>The two tables must have the same columns (names and kinds; the order may differ, the real
 * table's order is used). The real table's rows all enter the detection score and the marginals. For
 * the efficacy, a real test table may be given ({@link Builder#optRealTest(Table)}): the real baseline
 * then trains on the whole real table. Without one, a stratified {@link Builder#optTestFraction(double)
 * share} (20 % by default) of the real table's rows is held out as the test rows and the baseline
 * trains on the rest. Everything random (folds, split, classifiers) follows the seed, so a report is
 * reproducible.
 *
 * <pre>{@code
 * QualityReport report = QualityEvaluator.builder()
 *     .setReal(real).setSynthetic(synthetic).optLabel("income").optSeed(1)
 *     .build().evaluate();
 * }</pre>
 */
public final class QualityEvaluator {
  /** The most rows of each table that the random-forest detection uses (a seeded random subset). */
  public static final int FOREST_ROWS = 5000;
  /** The cross-validation folds of the random-forest detection. */
  public static final int FOREST_FOLDS = 4;

  /** The default number of cross-validation folds of the detection score, as in SDMetrics. */
  public static final int DEFAULT_FOLDS = 3;
  /** The default share of the real table held out as efficacy test rows. */
  public static final double DEFAULT_TEST_FRACTION = 0.2;

  private final Table real;
  private final Table synthetic;
  private final @Nullable Table realTest;
  private final @Nullable String label;
  private final long seed;
  private final int folds;
  private final double testFraction;
  private final List<EfficacyClassifier> classifiers;

  private QualityEvaluator(Builder builder, Table real, Table synthetic) {
    this.real = real;
    this.synthetic = synthetic;
    this.realTest = builder.realTest;
    this.label = builder.label;
    this.seed = builder.seed;
    this.folds = builder.folds;
    this.testFraction = builder.testFraction;
    this.classifiers = List.copyOf(builder.classifiers);
  }

  /**
   * Starts a builder.
   *
   * @return a builder; {@link Builder#setReal(Table)} and {@link Builder#setSynthetic(Table)} are required
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Computes the report. The tables must still be open; they are read, not changed.
   *
   * @return the report
   * @throws InvalidInputException if the label column has fewer than two classes in the real table, or
   *     a training or test set has no labelled rows
   */
  public QualityReport evaluate() {
    List<ColumnSpec> columns = real.columns();
    ColumnArrays realColumns = ColumnArrays.of(real, columns);
    ColumnArrays syntheticColumns = ColumnArrays.of(synthetic, columns);
    SplittableRandom seeds = new SplittableRandom(seed);
    long detectionSeed = seeds.nextLong();
    long efficacySeed = seeds.nextLong();
    MlEfficacy efficacy = label == null ? null : efficacy(realColumns, syntheticColumns, label, efficacySeed);
    Detection.Result detection = Detection.score(realColumns, syntheticColumns, folds, detectionSeed);
    return new QualityReport(real.rowCount(), synthetic.rowCount(), real.continuousColumnNames(),
        real.categoricalColumnNames(), seed,
        new DetectionScore(detection.score(), detection.foldAucs(), detection.encodedFeatures()),
        marginals(realColumns, syntheticColumns), efficacy);
  }

  /**
   * Computes the random-forest detection ({@link ForestDetection}), which {@link #evaluate()} leaves out
   * because it takes longer: {@value #FOREST_FOLDS} folds on at most {@value #FOREST_ROWS} rows of each
   * table.
   *
   * @return the forest's ROC AUC of real against synthetic rows
   */
  public ForestDetection forestDetection() {
    List<ColumnSpec> columns = real.columns();
    SplittableRandom seeds = new SplittableRandom(seed ^ 0x666f72657374L);
    ColumnArrays realColumns = ColumnArrays.of(real, columns).sample(FOREST_ROWS, seeds.nextLong());
    ColumnArrays syntheticColumns = ColumnArrays.of(synthetic, columns).sample(FOREST_ROWS, seeds.nextLong());
    Detection.Result result = Detection.score(realColumns, syntheticColumns, FOREST_FOLDS, seeds.nextLong(),
        Learner.RANDOM_FOREST);
    double mean = result.foldAucs().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    return new ForestDetection(mean, result.foldAucs(), Math.min(realColumns.rows(), syntheticColumns.rows()));
  }

  private static MarginalFidelity marginals(ColumnArrays real, ColumnArrays synthetic) {
    Map<String, Double> ks = new LinkedHashMap<>();
    Map<String, Double> tv = new LinkedHashMap<>();
    for (int j = 0; j < real.width(); j++) {
      ColumnSpec column = real.column(j);
      if (column.kind() == ColumnKind.CONTINUOUS) {
        ks.put(column.name(), KolmogorovSmirnov.complement(real.numbers(j), synthetic.numbers(j)));
      } else {
        tv.put(column.name(), TotalVariation.complement(real.labels(j), synthetic.labels(j)));
      }
    }
    return new MarginalFidelity(mean(ks), mean(tv), ks, tv);
  }

  private static OptionalDouble mean(Map<String, Double> values) {
    return values.values().stream().mapToDouble(Double::doubleValue).average();
  }

  private MlEfficacy efficacy(ColumnArrays realColumns, ColumnArrays syntheticColumns, String labelName,
      long efficacySeed) {
    int labelIndex = realColumns.indexOf(labelName);
    requireClasses(realColumns, labelIndex, labelName);
    requireLabelled(syntheticColumns, labelIndex, labelName, "synthetic");
    List<Learner> learners = classifiers.stream().map(QualityEvaluator::learner).toList();
    Efficacy.Result result;
    if (realTest == null) {
      result = Efficacy.runHeldOut(realColumns, syntheticColumns, labelIndex, testFraction, learners, efficacySeed);
      if (result.testRows() == 0 || result.realTrainRows() == 0) {
        throw new InvalidInputException("The real table has too few labelled rows (" + result.realTrainRows()
            + " left for training, " + result.testRows() + " held out for testing) to hold out "
            + Math.round(testFraction * 100) + " % of each class of '" + labelName + "'. Give more real rows, a "
            + "real test table, or a larger test fraction.", Remedy.set(Setting.REAL_TEST_TABLE));
      }
    } else {
      ColumnArrays testColumns = ColumnArrays.of(realTest, real.columns());
      requireLabelled(testColumns, labelIndex, labelName, "real test");
      result = Efficacy.run(realColumns, testColumns, syntheticColumns, labelIndex, learners, efficacySeed);
    }
    List<ClassifierScores> scores = new ArrayList<>();
    for (Efficacy.LearnerScores learnerScores : result.scores()) {
      scores.add(new ClassifierScores(classifiers.get(scores.size()), scores(learnerScores.synthetic()),
          scores(learnerScores.real())));
    }
    return new MlEfficacy(labelName, result.positiveClass(), realTest == null,
        realTest == null ? testFraction : 0, result.realTrainRows(), result.syntheticTrainRows(), result.testRows(),
        scores, mean(scores.stream().map(ClassifierScores::trainedOnSynthetic).toList()),
        mean(scores.stream().map(ClassifierScores::trainedOnReal).toList()));
  }

  private static void requireClasses(ColumnArrays data, int labelIndex, String labelName) {
    LinkedHashSet<String> classes = new LinkedHashSet<>();
    for (@Nullable String value : data.labels(labelIndex)) {
      if (value != null) {
        classes.add(value);
      }
    }
    if (classes.size() < 2) {
      throw new InvalidInputException("The label column '" + labelName + "' has " + (classes.isEmpty()
          ? "no value" : "only the class '" + classes.iterator().next() + "'") + " in the real table; "
          + "machine-learning efficacy needs at least two classes. Choose another label column, or leave the "
          + "label out.", Remedy.set(Setting.LABEL_COLUMN), Remedy.leaveOut(Setting.LABEL_COLUMN));
    }
  }

  private static void requireLabelled(ColumnArrays data, int labelIndex, String labelName, String role) {
    if (Efficacy.labelled(data, labelIndex).length == 0) {
      throw new InvalidInputException("The " + role + " table has no row with a value in the label column '"
          + labelName + "', so no classifier can be " + (role.equals("synthetic") ? "trained on" : "tested on")
          + " it. Give a table whose label column is filled in.");
    }
  }

  private static Scores scores(ClassificationMetrics.Metrics metrics) {
    return new Scores(metrics.accuracy(), metrics.f1());
  }

  private static Scores mean(List<Scores> scores) {
    return new Scores(scores.stream().mapToDouble(Scores::accuracy).average().orElse(0),
        scores.stream().mapToDouble(Scores::f1).average().orElse(0));
  }

  private static Learner learner(EfficacyClassifier classifier) {
    return switch (classifier) {
      case LOGISTIC_REGRESSION -> Learner.LOGISTIC_REGRESSION;
      case DECISION_TREE -> Learner.DECISION_TREE;
    };
  }

  /**
   * Builds a {@link QualityEvaluator}: {@code setX} values are required, {@code optX} values optional.
   * The tables are not copied; keep them open until {@link QualityEvaluator#evaluate()} returns.
   */
  public static final class Builder {
    private @Nullable Table real;
    private @Nullable Table synthetic;
    private @Nullable Table realTest;
    private @Nullable String label;
    private long seed;
    private int folds = DEFAULT_FOLDS;
    private double testFraction = DEFAULT_TEST_FRACTION;
    private List<EfficacyClassifier> classifiers = List.of(EfficacyClassifier.values());

    private Builder() {}

    /**
     * Sets the real table (required).
     *
     * @param table the real rows
     * @return this builder
     */
    public Builder setReal(Table table) {
      this.real = table;
      return this;
    }

    /**
     * Sets the synthetic table (required); it must have the real table's columns.
     *
     * @param table the synthetic rows
     * @return this builder
     */
    public Builder setSynthetic(Table table) {
      this.synthetic = table;
      return this;
    }

    /**
     * Names the label column, a categorical column, to measure machine-learning efficacy (default:
     * none, no efficacy).
     *
     * @param column the label column
     * @return this builder
     */
    public Builder optLabel(String column) {
      this.label = column;
      return this;
    }

    /**
     * Sets the real test table of the efficacy (default: none, a share of the real table is held out).
     * It must have the real table's columns; the real baseline then trains on the whole real table.
     *
     * @param table real rows the classifiers are tested on
     * @return this builder
     */
    public Builder optRealTest(Table table) {
      this.realTest = table;
      return this;
    }

    /**
     * Sets the seed of the folds, the held-out split and the classifiers (default 0).
     *
     * @param value the seed
     * @return this builder
     */
    public Builder optSeed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * Sets the number of cross-validation folds of the detection score (default {@value QualityEvaluator#DEFAULT_FOLDS}).
     *
     * @param count at least 2, and at most the rows of either table
     * @return this builder
     */
    public Builder optFolds(int count) {
      this.folds = count;
      return this;
    }

    /**
     * Sets the share of each label class of the real table held out as efficacy test rows when no real
     * test table is given (default {@value QualityEvaluator#DEFAULT_TEST_FRACTION}).
     *
     * @param fraction strictly between 0 and 1
     * @return this builder
     */
    public Builder optTestFraction(double fraction) {
      this.testFraction = fraction;
      return this;
    }

    /**
     * Chooses the efficacy classifiers (default: all of {@link EfficacyClassifier}, in that order).
     *
     * @param chosen one or more classifiers, in the order to report them
     * @return this builder
     */
    public Builder optClassifiers(List<EfficacyClassifier> chosen) {
      this.classifiers = List.copyOf(new LinkedHashSet<>(chosen));
      return this;
    }

    /**
     * Checks the settings and returns the evaluator.
     *
     * @return the evaluator
     * @throws InvalidInputException if a required table is missing, the tables' columns differ, the
     *     label column is unknown or continuous, a table has fewer rows than folds, or a setting is out
     *     of range; the message says how to fix it
     */
    public QualityEvaluator build() {
      Table realTable = require(real, "setReal(Table)");
      Table syntheticTable = require(synthetic, "setSynthetic(Table)");
      ColumnMatch.require(realTable, "real", syntheticTable, "synthetic");
      if (realTest != null) {
        ColumnMatch.require(realTable, "real", realTest, "real test");
      }
      if (folds < 2) {
        throw new InvalidInputException("optFolds(" + folds + "): cross-validation needs at least 2 folds.");
      }
      requireRows(realTable, "real");
      requireRows(syntheticTable, "synthetic");
      if (!(testFraction > 0 && testFraction < 1)) {
        throw new InvalidInputException("optTestFraction(" + testFraction + "): give a share strictly between 0 "
            + "and 1, e.g. 0.2.");
      }
      if (classifiers.isEmpty()) {
        throw new InvalidInputException("optClassifiers: no classifier chosen. Choose at least one of "
            + Arrays.toString(EfficacyClassifier.values()) + ".");
      }
      if (label != null) {
        ColumnSpec column = realTable.column(label);
        if (column.kind() != ColumnKind.CATEGORICAL) {
          throw new InvalidInputException("The label column '" + label + "' is continuous; machine-learning "
              + "efficacy needs a categorical label. Read it as categorical (ReadOptions.builder().optDiscrete).",
              Remedy.set(Setting.DISCRETE_COLUMN, label));
        }
      }
      return new QualityEvaluator(this, realTable, syntheticTable);
    }

    private void requireRows(Table table, String role) {
      if (table.rowCount() < folds) {
        throw new InvalidInputException("The " + role + " table has " + table.rowCount() + " row"
            + (table.rowCount() == 1 ? "" : "s") + "; the detection score's " + folds + "-fold cross-validation "
            + "needs at least " + folds + " rows in each table. Give more rows (or fewer folds).");
      }
    }

    private static Table require(@Nullable Table table, String setter) {
      if (table == null) {
        throw new InvalidInputException(setter + " was not called: the real and the synthetic table are both "
            + "required. Call setReal(Table) and setSynthetic(Table) before build().");
      }
      return table;
    }
  }
}
