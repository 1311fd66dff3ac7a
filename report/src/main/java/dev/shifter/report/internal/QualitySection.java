package dev.shifter.report.internal;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Table;
import dev.shifter.eval.MlEfficacy;
import dev.shifter.eval.QualityEvaluator;
import dev.shifter.eval.QualityReport;
import dev.shifter.eval.Scores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The figures of {@link QualityEvaluator} for each compared table against the real one. */
final class QualitySection {
  static final String TITLE = "Quality";

  private QualitySection() {}

  static void render(ReportInput input, Tables tables, Page page) {
    page.section("quality", TITLE, "These are the figures of 'shifter evaluate' for each table against the real "
        + "one; every score is between 0 and 1, and higher is closer to the real data. The detection score is 1 "
        + "when a logistic regression cannot tell the rows apart; the KS and TV complements are 1 when a column has "
        + "the same distribution; the efficacy compares classifiers trained on each table, tested on real rows.");
    List<String> names = tables.names().subList(1, tables.size());
    List<QualityReport> reports = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (int t = 1; t < tables.size(); t++) {
      reports.add(input.quality().isEmpty()
          ? evaluate(input, tables.real(), tables.tables().get(t), tables.names().get(t), skipped)
          : input.quality().get(t - 1));
    }
    List<String> header = new ArrayList<>(List.of("measure"));
    names.forEach(name -> header.add(name + " vs real"));
    List<List<Cell>> rows = new ArrayList<>();
    rows.add(row("detection score", reports, r -> r.detection().score()));
    if (!reports.get(0).continuousColumns().isEmpty()) {
      rows.add(row("mean KS complement (continuous columns)", reports,
          r -> r.marginals().meanKsComplement().orElse(Double.NaN)));
    }
    if (!reports.get(0).categoricalColumns().isEmpty()) {
      rows.add(row("mean TV complement (categorical columns)", reports,
          r -> r.marginals().meanTvComplement().orElse(Double.NaN)));
    }
    @Nullable MlEfficacy first = reports.stream().map(QualityReport::efficacy).filter(Objects::nonNull).findFirst()
        .orElse(null);
    if (first != null) {
      String f1 = first.binary() ? "F1 of '" + first.positiveClass() + "'" : "macro F1";
      rows.add(row("accuracy on real test rows, trained on this table", reports,
          r -> efficacy(r, MlEfficacy::meanTrainedOnSynthetic).accuracy()));
      rows.add(row(f1 + ", trained on this table", reports,
          r -> efficacy(r, MlEfficacy::meanTrainedOnSynthetic).f1()));
      rows.add(row("accuracy, trained on real rows (baseline)", reports,
          r -> efficacy(r, MlEfficacy::meanTrainedOnReal).accuracy()));
      rows.add(row(f1 + ", trained on real rows (baseline)", reports,
          r -> efficacy(r, MlEfficacy::meanTrainedOnReal).f1()));
    }
    page.table(header, rows);
    List<String> columns = new ArrayList<>(reports.get(0).marginals().ksComplements().keySet());
    columns.addAll(reports.get(0).marginals().tvComplements().keySet());
    if (!columns.isEmpty()) {
      List<Series> series = new ArrayList<>();
      for (int t = 0; t < reports.size(); t++) {
        QualityReport report = reports.get(t);
        double[] values = new double[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
          values[c] = complement(report, columns.get(c));
        }
        series.add(new Series(names.get(t) + " vs real", tables.colors().get(t + 1), values));
      }
      page.image(Charts.png(Charts.bars("Per-column fidelity (KS or TV complement)", "complement", columns, series)),
          Charts.SMALL_WIDTH, Charts.SMALL_HEIGHT, "Per-column KS or TV complement of each table against the real "
          + "one", "1 = same distribution as the real column");
    }
    skipped.forEach(page::note);
    page.note("Seed " + input.seed() + "; the detection score is cross-validated over " + reports.get(0).detection()
        .folds() + " folds" + (first == null ? ". Name a label column to add the machine-learning efficacy."
        : "; the efficacy holds out " + Numbers.percent(first.heldOutFraction()) + " of the real rows as test rows "
        + "and averages " + first.classifiers().size() + " classifiers."));
  }

  /**
   * Evaluates one table; when the machine-learning efficacy cannot be computed for it (e.g. its label
   * column has no value), evaluates it without and notes why.
   */
  private static QualityReport evaluate(ReportInput input, Table real, Table table, String name,
      List<String> skipped) {
    QualityEvaluator.Builder builder = QualityEvaluator.builder().setReal(real).setSynthetic(table)
        .optSeed(input.seed());
    @Nullable String label = input.label();
    if (label == null) {
      return builder.build().evaluate();
    }
    try {
      return builder.optLabel(label).build().evaluate();
    } catch (InvalidInputException e) {
      skipped.add("No machine-learning efficacy for the " + name + " table: " + e.getMessage());
      return QualityEvaluator.builder().setReal(real).setSynthetic(table).optSeed(input.seed()).build().evaluate();
    }
  }

  private static List<Cell> row(String measure, List<QualityReport> reports, Function<QualityReport, Double> value) {
    List<Cell> row = new ArrayList<>(List.of(Cell.text(measure)));
    for (QualityReport report : reports) {
      row.add(Cell.number(value.apply(report)));
    }
    return row;
  }

  private static Scores efficacy(QualityReport report, Function<MlEfficacy, Scores> pick) {
    @Nullable MlEfficacy efficacy = report.efficacy();
    return efficacy == null ? new Scores(Double.NaN, Double.NaN) : pick.apply(efficacy);
  }

  private static double complement(QualityReport report, String column) {
    Map<String, Double> ks = report.marginals().ksComplements();
    Double value = ks.containsKey(column) ? ks.get(column) : report.marginals().tvComplements().get(column);
    return value == null ? Double.NaN : value;
  }
}
