package dev.shifter.cli;

import dev.shifter.ctgan.types.FitListener;
import dev.shifter.ctgan.types.FitProgress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * Shows the progress of {@code shifter fit} on standard error: epoch, generator and critic loss, rows per
 * second and the time left. On a terminal it is a progress bar (me.tongfei progressbar) redrawn in
 * place; otherwise (a log file, a pipe, a test) plain lines, one per epoch but at most one every
 * {@value #LINE_SECONDS} seconds (the first and the last epoch always), so that a log stays readable.
 */
final class FitProgressDisplay implements FitListener, AutoCloseable {
  private static final long LINE_SECONDS = 10;

  private final PrintWriter err;
  private final ProgressMode mode;
  private final Diagnostics diagnostics;
  private @Nullable ProgressBar bar;
  private @Nullable FitProgress last;
  private long startNanos;
  private long startSteps;
  private long lastLineNanos;
  private int lastCheckpoint = -1;

  FitProgressDisplay(PrintWriter err, ProgressMode mode, Diagnostics diagnostics) {
    this.err = err;
    this.mode = mode == ProgressMode.AUTO
        ? (Terminals.stderrIsTerminal() ? ProgressMode.BAR : ProgressMode.LINES) : mode;
    this.diagnostics = diagnostics;
  }

  /** Returns the epochs of the last checkpoint written, or -1 if none was. */
  int lastCheckpoint() {
    return lastCheckpoint;
  }

  @Override
  public void onDataEncoded(int rows, int encodedWidth, Duration took) {
    if (mode != ProgressMode.NONE) {
      diagnostics.note(String.format(Locale.ROOT, "encoded %,d rows (%d columns after the mode-specific "
          + "normalisation) in %.1f s; training...", rows, encodedWidth, took.toNanos() / 1e9));
    }
  }

  @Override
  public void onStep(FitProgress progress) {
    if (last == null) {
      startNanos = System.nanoTime();
      startSteps = progress.stepsDone() - 1;
      lastLineNanos = startNanos;
      if (mode == ProgressMode.BAR) {
        bar = new ProgressBarBuilder().setTaskName("fit").setStyle(ProgressBarStyle.ASCII)
            .setInitialMax(progress.totalSteps() * progress.batchSize()).setUnit(" rows", 1).showSpeed()
            .setSpeedUnit(ChronoUnit.SECONDS).setUpdateIntervalMillis(500)
            .startsFrom(startSteps * progress.batchSize(), Duration.ZERO)
            .setConsumer(new Consumer(err, Terminals.width())).build();
      }
    }
    last = progress;
    ProgressBar current = bar;
    if (current != null) {
      current.stepTo(progress.stepsDone() * progress.batchSize());
      current.setExtraMessage(String.format(Locale.ROOT, " | epoch %d/%d  G %.3f  D %.3f", progress.epoch() + 1,
          progress.epochs(), progress.generatorLoss(), progress.criticLoss()));
    }
  }

  @Override
  public void onEpochEnd(int epochsCompleted, int epochs) {
    FitProgress progress = last;
    if (mode != ProgressMode.LINES || progress == null) {
      return;
    }
    long now = System.nanoTime();
    boolean due = now - lastLineNanos >= LINE_SECONDS * 1_000_000_000L;
    if (!due && epochsCompleted != epochs && progress.stepsDone() - startSteps > progress.stepsPerEpoch()) {
      return;
    }
    lastLineNanos = now;
    double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
    long steps = progress.stepsDone() - startSteps;
    double rowsPerSecond = steps * progress.batchSize() / seconds;
    long stepsLeft = progress.totalSteps() - progress.stepsDone();
    long eta = Math.round(stepsLeft * seconds / steps);
    err.println(String.format(Locale.ROOT, "epoch %d/%d  generator %.4f  critic %.4f  (penalty %.4f)  %,.0f rows/s"
        + "  ETA %s", epochsCompleted, epochs, progress.generatorLoss(), progress.criticLoss(),
        progress.gradientPenalty(), rowsPerSecond, clock(eta)));
    err.flush();
  }

  @Override
  public void onCheckpoint(Path dir, int epochsCompleted) {
    lastCheckpoint = epochsCompleted;
  }

  private static String clock(long seconds) {
    return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  /** Ends the bar, if one is shown, so that the next message starts on a line of its own. */
  @Override
  public void close() {
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
