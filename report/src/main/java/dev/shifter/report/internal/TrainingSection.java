package dev.shifter.report.internal;

import dev.shifter.ctgan.CtganModel;
import dev.shifter.ctgan.types.EpochLoss;
import dev.shifter.shift.SavedShifter;
import dev.shifter.shift.StepLoss;
import dev.shifter.shift.TrainingSummary;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/** The training-loss curves of the CTGAN fit and of the Shifter training. */
final class TrainingSection {
  static final String TITLE = "Training";

  private TrainingSection() {}

  static void render(ReportInput input, @Nullable SavedShifter saved, Page page) {
    page.section("training", TITLE, "The CTGAN curves are per-epoch means: the critic loss (a Wasserstein "
        + "estimate) should settle near zero and the generator loss level off; a curve still falling steeply means "
        + "more epochs could help. The Shifter curves should fall and flatten as the shifted data approach their "
        + "targets; the worst relative error is that of the entry farthest from its target at each evaluation.");
    @Nullable Path model = input.ctganModel();
    if (model != null) {
      renderCtgan(model, page);
    }
    if (saved != null) {
      renderShifter(saved, page);
    }
  }

  private static void renderCtgan(Path dir, Page page) {
    page.heading("CTGAN");
    List<EpochLoss> history;
    int rows;
    try (CtganModel model = CtganModel.load(dir)) {
      history = model.lossHistory();
      rows = model.trainingRows();
    }
    if (history.isEmpty()) {
      page.note("The model in " + dir + " recorded no loss history (it was fitted by an older version); fit it "
          + "again to see its curves.");
      return;
    }
    double[] epochs = column(history, EpochLoss::epoch);
    List<Line> lines = List.of(
        new Line("generator loss", Palette.cycle(0), epochs, column(history, EpochLoss::generatorLoss)),
        new Line("critic loss", Palette.cycle(1), epochs, column(history, EpochLoss::criticLoss)),
        new Line("gradient penalty", Palette.cycle(2), epochs, column(history, EpochLoss::gradientPenalty)));
    page.image(Charts.png(Charts.lines("CTGAN losses per epoch", "epoch", "mean loss", lines, false)),
        Charts.WIDE_WIDTH, Charts.WIDE_HEIGHT, "CTGAN generator loss, critic loss and gradient penalty per epoch",
        history.size() + " epochs on " + rows + " rows");
  }

  private static void renderShifter(SavedShifter saved, Page page) {
    page.heading("Shifter");
    List<StepLoss> history = saved.lossHistory();
    if (history.isEmpty()) {
      page.note("This Shifter recorded no loss curve (it was trained by an older version); train it again to see "
          + "its curves.");
      return;
    }
    double[] steps = column(history, StepLoss::step);
    Set<String> terms = new LinkedHashSet<>();
    history.forEach(p -> terms.addAll(p.terms().keySet()));
    List<Line> lines = new ArrayList<>();
    lines.add(new Line("total loss", Palette.cycle(0), steps, column(history, StepLoss::loss)));
    int color = 1;
    for (String term : terms) {
      lines.add(present(term, Palette.cycle(color++), history, p -> p.terms().getOrDefault(term, Double.NaN)));
    }
    List<Line> drawn = lines.stream().filter(l -> l.x().length > 0).toList();
    boolean log = Charts.suitsLogScale(drawn.stream().map(Line::y).toList());
    page.image(Charts.png(Charts.lines("Shifter loss", "step", "mean loss" + (log ? " (log scale)" : ""), drawn,
        log)), Charts.WIDE_WIDTH, Charts.WIDE_HEIGHT, "Shifter total loss and its terms per step", caption(saved));
    Line worst = present("worst relative error", Palette.cycle(1), history, StepLoss::worstRelativeError);
    if (worst.x().length > 0) {
      log = Charts.suitsLogScale(List.of(worst.y()));
      page.image(Charts.png(Charts.lines("Worst relative error at the evaluations", "step", "relative error"
          + (log ? " (log scale)" : ""), List.of(worst), log)), Charts.WIDE_WIDTH, Charts.WIDE_HEIGHT,
          "Relative error of the entry farthest from its target", null);
    } else {
      page.note("No evaluation ran during training, so there is no worst relative error to show.");
    }
  }

  private static String caption(SavedShifter saved) {
    @Nullable TrainingSummary summary = saved.summary();
    String status = saved.complete() ? "complete" : "checkpoint";
    if (summary == null) {
      return saved.steps() + " steps (" + status + ")";
    }
    return saved.steps() + " steps, stopped: " + summary.stopReason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + String.format(Locale.ROOT, ", %.1f s", summary.seconds())
        + (summary.keptUnshifted() ? "; keeps its untrained weights (no evaluation both moved no entry away from "
            + "its target and kept within the realism limits)" : summary.keptAnEarlierStep() ? "; keeps the weights of "
            + "step " + summary.keptStep() + ", its best evaluation" : "")
        + (summary.realismRejections() > 0 ? String.format(Locale.ROOT, "; %d evaluation%s broke a realism limit, the "
            + "last with %s", summary.realismRejections(), summary.realismRejections() == 1 ? "" : "s",
            summary.realismViolation()) : "");
  }

  private static Line present(String name, Color color, List<StepLoss> history,
      ToDoubleFunction<StepLoss> value) {
    double[] x = new double[history.size()];
    double[] y = new double[history.size()];
    int count = 0;
    for (StepLoss point : history) {
      double v = value.applyAsDouble(point);
      if (Double.isFinite(v)) {
        x[count] = point.step();
        y[count++] = v;
      }
    }
    return new Line(name, color, Arrays.copyOf(x, count), Arrays.copyOf(y, count));
  }

  private static <T> double[] column(List<T> points, ToDoubleFunction<T> value) {
    double[] values = new double[points.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = value.applyAsDouble(points.get(i));
    }
    return values;
  }
}
