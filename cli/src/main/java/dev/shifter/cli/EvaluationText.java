package dev.shifter.cli;

import dev.shifter.eval.ClassifierScores;
import dev.shifter.eval.DetectionScore;
import dev.shifter.eval.EfficacyClassifier;
import dev.shifter.eval.MarginalFidelity;
import dev.shifter.eval.MlEfficacy;
import dev.shifter.eval.QualityReport;
import dev.shifter.eval.Scores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Prints a {@link QualityReport} for people: a summary, the per-column fidelity and the efficacy. */
final class EvaluationText {
  private EvaluationText() {}

  /** Prints the report. */
  static void print(QualityReport report, Path real, Path synthetic, @Nullable Path realTest, PrintWriter out) {
    out.println("Real: " + real + " (" + report.realRows() + " rows). Synthetic: " + synthetic + " ("
        + report.syntheticRows() + " rows). Seed " + report.seed() + ".");
    out.println("Columns: " + columnList(report.continuousColumns(), "continuous") + "; "
        + columnList(report.categoricalColumns(), "categorical") + ".");
    out.println();
    printSummary(report, out);
    out.println();
    printColumns(report.marginals(), out);
    MlEfficacy efficacy = report.efficacy();
    if (efficacy != null) {
      out.println();
      printEfficacy(efficacy, realTest, out);
    }
    out.flush();
  }

  private static String columnList(List<String> names, String kind) {
    return names.size() + " " + kind + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")");
  }

  private static void printSummary(QualityReport report, PrintWriter out) {
    DetectionScore detection = report.detection();
    MarginalFidelity marginals = report.marginals();
    TextTable table = new TextTable(List.of("measure", "value", "how (1 = same as real)"), Set.of(1));
    table.add(List.of("detection score", number(detection.score()), "logistic regression, " + detection.folds()
        + "-fold stratified CV, 1 - mean(2 max(0.5, AUC) - 1); fold AUCs " + detection.foldAucs().stream()
        .map(EvaluationText::number).collect(Collectors.joining(", "))));
    table.add(List.of("mean KS complement", number(marginals.meanKsComplement()),
        "1 - Kolmogorov-Smirnov statistic, mean of " + marginals.ksComplements().size() + " continuous columns"));
    table.add(List.of("mean TV complement", number(marginals.meanTvComplement()),
        "1 - total variation distance, mean of " + marginals.tvComplements().size() + " categorical columns"));
    table.print(out);
  }

  private static void printColumns(MarginalFidelity marginals, PrintWriter out) {
    TextTable table = new TextTable(List.of("column", "kind", "measure", "value"), Set.of(3));
    for (Map.Entry<String, Double> entry : marginals.ksComplements().entrySet()) {
      table.add(List.of(entry.getKey(), "continuous", "KS complement", number(entry.getValue())));
    }
    for (Map.Entry<String, Double> entry : marginals.tvComplements().entrySet()) {
      table.add(List.of(entry.getKey(), "categorical", "TV complement", number(entry.getValue())));
    }
    table.print(out);
  }

  private static void printEfficacy(MlEfficacy efficacy, @Nullable Path realTest, PrintWriter out) {
    String f1 = efficacy.binary()
        ? "F1 of '" + efficacy.positiveClass() + "' (the less frequent class in the real table)"
        : "macro F1 (mean over the classes)";
    String test = efficacy.heldOut()
        ? efficacy.testRows() + " real rows held out of the real table (" + percent(efficacy.heldOutFraction())
            + " of each class); the real baseline trained on the other " + efficacy.realTrainRows() + " rows"
        : efficacy.testRows() + " rows of " + realTest + "; the real baseline trained on all "
            + efficacy.realTrainRows() + " real rows";
    out.println("Machine-learning efficacy for '" + efficacy.label() + "': accuracy and " + f1 + ".");
    out.println("Tested on " + test + "; " + efficacy.syntheticTrainRows() + " synthetic training rows.");
    TextTable table = new TextTable(List.of("classifier", "trained on", "accuracy", "F1"), Set.of(2, 3));
    for (ClassifierScores scores : efficacy.classifiers()) {
      String name = name(scores.classifier());
      add(table, name, "synthetic", scores.trainedOnSynthetic());
      add(table, name, "real", scores.trainedOnReal());
    }
    add(table, "mean", "synthetic", efficacy.meanTrainedOnSynthetic());
    add(table, "mean", "real", efficacy.meanTrainedOnReal());
    table.print(out);
  }

  private static void add(TextTable table, String classifier, String source, Scores scores) {
    table.add(List.of(classifier, source, number(scores.accuracy()), number(scores.f1())));
  }

  private static String name(EfficacyClassifier classifier) {
    return classifier.id().replace('_', ' ');
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  private static String number(OptionalDouble value) {
    return value.isPresent() ? number(value.getAsDouble()) : "-";
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.0f %%", 100 * fraction);
  }
}
