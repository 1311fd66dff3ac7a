package dev.shifter.cli;

import dev.shifter.demo.DemoFiles;
import dev.shifter.demo.DemoPipeline;
import dev.shifter.demo.DemoResult;
import dev.shifter.demo.DemoStage;
import dev.shifter.demo.TargetOutcome;
import dev.shifter.eval.MlEfficacy;
import dev.shifter.eval.QualityReport;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Prints the short summary of {@code shifter demo}: per target entry the target, the data's value, the
 * unshifted and the reached value and the verdict; the quality figures; the files, the report's path
 * last.
 */
final class DemoSummaryText {
  private static final MathContext DIGITS = new MathContext(4);

  private DemoSummaryText() {}

  /** Prints the summary. */
  static void print(DemoResult result, PrintWriter out) {
    out.println(String.format(Locale.ROOT, "Demo done in %.1f s (fit %.1f s, Shifter training %.1f s) on %s.",
        result.totalSeconds(), result.seconds().getOrDefault(DemoStage.FIT, 0.0),
        result.seconds().getOrDefault(DemoStage.TRAIN, 0.0), result.data()));
    out.println();
    out.println(String.format(Locale.ROOT, "Targets (the shifted table's %,d rows; unshifted: the CTGAN with the same "
        + "noise):", result.rows()));
    TextTable targets = new TextTable(List.of("entry", "target", "data", "unshifted", "reached", "within tolerance"),
        Set.of(1, 2, 3, 4));
    for (TargetOutcome outcome : result.targets()) {
      targets.add(List.of(outcome.label(), number(outcome.target()), number(outcome.data()),
          number(outcome.unshifted()), number(outcome.reached()), outcome.withinTolerance() ? "yes" : "NO"));
    }
    targets.print(out);
    out.println(result.withinTolerance() + " of " + result.targets().size() + " entries within tolerance"
        + (result.allApproached() ? "; every entry moved towards its target." : ".")
        + (DemoPipeline.TILT.equals(result.shiftedBy()) ? " These rows are the reweighting baseline's (tilt): the "
            + "Shifter reached " + result.shifterWithinTolerance() + " of " + result.targets().size() + "." : ""));
    out.println();
    out.println("Quality against the data (1 = like the data):");
    printQuality(result.syntheticQuality(), result.shiftedQuality(), out);
    out.println();
    printFiles(result, out);
    out.flush();
  }

  private static void printQuality(QualityReport synthetic, QualityReport shifted, PrintWriter out) {
    TextTable table = new TextTable(List.of("measure", "synthetic", "shifted"), Set.of(1, 2));
    table.add(List.of("detection score", number(synthetic.detection().score()),
        number(shifted.detection().score())));
    table.add(List.of("mean KS complement", number(synthetic.marginals().meanKsComplement()),
        number(shifted.marginals().meanKsComplement())));
    table.add(List.of("mean TV complement", number(synthetic.marginals().meanTvComplement()),
        number(shifted.marginals().meanTvComplement())));
    MlEfficacy syntheticEfficacy = synthetic.efficacy();
    MlEfficacy shiftedEfficacy = shifted.efficacy();
    if (syntheticEfficacy != null && shiftedEfficacy != null) {
      table.add(List.of("F1 for '" + syntheticEfficacy.label() + "' (trained on real: "
          + number(syntheticEfficacy.meanTrainedOnReal().f1()) + ")",
          number(syntheticEfficacy.meanTrainedOnSynthetic().f1()),
          number(shiftedEfficacy.meanTrainedOnSynthetic().f1())));
    }
    table.print(out);
  }

  private static void printFiles(DemoResult result, PrintWriter out) {
    DemoFiles files = result.files();
    out.println("Files in " + files.folder() + ":");
    TextTable table = new TextTable(List.of("file", "what"), Set.of());
    table.add(List.of(name(files.data()), "the table that was fitted"));
    table.add(List.of(name(files.target()), "the targets"));
    table.add(List.of(name(files.model()) + "/", "the fitted CTGAN (" + result.ctganEpochs() + " epochs)"));
    table.add(List.of(name(files.synthetic()), "a plain CTGAN sample"));
    table.add(List.of(name(files.shifter()) + "/", "the trained Shifter (" + result.shifterSteps() + " steps)"));
    table.add(List.of(name(files.shifted()), "the shifted table"));
    table.add(List.of(name(files.summary()), "this summary as JSON, with the timings"));
    table.print(out);
    out.println("Report: " + files.report());
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }

  private static String number(OptionalDouble value) {
    return value.isPresent() ? number(value.getAsDouble()) : "-";
  }

  private static String number(double value) {
    if (!Double.isFinite(value)) {
      return "-";
    }
    if (value == 0) {
      return "0";
    }
    return new BigDecimal(value).round(DIGITS).stripTrailingZeros().toPlainString();
  }
}
