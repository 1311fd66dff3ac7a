package dev.shifter.cli;

import dev.shifter.shift.StepReport;
import dev.shifter.shift.TrainingListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * Shows the progress of {@code shifter train} on standard error: the step, the loss terms and the
 * worst target's relative error at the last evaluation. On a terminal it is a progress bar (me.tongfei
 * progressbar) redrawn in place; otherwise plain lines, at most one every {@value #LINE_SECONDS}
 * seconds (the first and the last step always).
 */
final class TrainProgressDisplay implements TrainingListener, AutoCloseable {
  private static final long LINE_SECONDS = 10;

  private final PrintWriter err;
  private final ProgressMode mode;
  private @Nullable ProgressBar bar;
  private boolean started;
  private long lastLineNanos;
  private @Nullable StepReport unprinted;

  TrainProgressDisplay(PrintWriter err, ProgressMode mode) {
    this.err = err;
    this.mode = mode == ProgressMode.AUTO
        ? (Terminals.stderrIsTerminal() ? ProgressMode.BAR : ProgressMode.LINES) : mode;
  }

  @Override
  public void onStep(StepReport report) {
    if (!started) {
      started = true;
      if (mode == ProgressMode.BAR) {
        bar = new ProgressBarBuilder().setTaskName("train").setStyle(ProgressBarStyle.ASCII)
            .setInitialMax(report.totalSteps()).setUnit(" steps", 1).showSpeed().setSpeedUnit(ChronoUnit.SECONDS)
            .setUpdateIntervalMillis(500).startsFrom(report.step() - 1L, Duration.ZERO)
            .setConsumer(new Consumer(err, Terminals.width())).build();
      }
    }
    ProgressBar current = bar;
    if (current != null) {
      current.stepTo(report.step());
      current.setExtraMessage(" | " + terms(report));
      return;
    }
    if (mode != ProgressMode.LINES) {
      return;
    }
    long now = System.nanoTime();
    boolean first = lastLineNanos == 0;
    boolean last = report.step() == report.totalSteps();
    if (first || last || now - lastLineNanos >= LINE_SECONDS * 1_000_000_000L) {
      lastLineNanos = now;
      print(report);
      unprinted = null;
    } else {
      unprinted = report;
    }
  }

  @Override
  public void onWarning(String message) {
    err.println("shifter: warning: " + message);
    err.flush();
  }

  private void print(StepReport report) {
    err.println(String.format(Locale.ROOT, "step %d/%d  %s  (%.1f s)", report.step(), report.totalSteps(),
        terms(report), report.elapsedSeconds()));
    err.flush();
  }

  private static String terms(StepReport report) {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "loss %.4g", report.loss()));
    for (Map.Entry<String, Double> term : report.terms().entrySet()) {
      text.append(String.format(Locale.ROOT, "  %s %.3g", term.getKey(), term.getValue()));
    }
    if (!report.worstEntry().isEmpty()) {
      text.append(String.format(Locale.ROOT, "  worst %s %.1f%%", report.worstEntry(),
          100 * report.worstRelativeError()));
    }
    return text.toString();
  }

  /**
   * Ends the bar, if one is shown, so that the next message starts on a line of its own; in line mode,
   * prints the last step if training ended before its line was due.
   */
  @Override
  public void close() {
    StepReport last = unprinted;
    if (last != null) {
      unprinted = null;
      print(last);
    }
    ProgressBar current = bar;
    if (current != null) {
      bar = null;
      current.close();
    }
  }

  /** Writes the bar to standard error, redrawing it in place with a carriage return. */
  private static final class Consumer implements ProgressBarConsumer {
    private final PrintWriter err;
    private final int width;

    Consumer(PrintWriter err, int width) {
      this.err = err;
      this.width = width;
    }

    @Override
    public int getMaxRenderedLength() {
      return width;
    }

    @Override
    public void accept(String rendered) {
      err.print(rendered.startsWith("\r") ? rendered : "\r" + rendered);
      err.flush();
    }

    @Override
    public void close() {
      err.println();
      err.flush();
    }
  }
}
