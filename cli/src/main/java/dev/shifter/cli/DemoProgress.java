package dev.shifter.cli;

import dev.shifter.ctgan.types.FitListener;
import dev.shifter.ctgan.types.FitProgress;
import dev.shifter.demo.DemoListener;
import dev.shifter.demo.DemoStage;
import dev.shifter.shift.StepReport;
import dev.shifter.shift.TrainingListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Shows the progress of {@code shifter demo} on standard error: a line when each stage starts and ends,
 * and inside the fit and the training the displays of {@code shifter fit} and {@code shifter train}
 * ({@link FitProgressDisplay}, {@link TrainProgressDisplay}: a bar on a terminal, lines otherwise). A
 * display is closed when its stage ends, so the next line starts on a line of its own.
 */
final class DemoProgress implements DemoListener, AutoCloseable {
  private final PrintWriter err;
  private final ProgressMode mode;
  private final Diagnostics diagnostics;
  private @Nullable FitProgressDisplay fit;
  private @Nullable TrainProgressDisplay train;

  DemoProgress(PrintWriter err, ProgressMode mode, Diagnostics diagnostics) {
    this.err = err;
    this.mode = mode;
    this.diagnostics = diagnostics;
  }

  /** Returns the listener of the fit's steps, which shows them once the fit has started. */
  FitListener fitListener() {
    return new FitListener() {
      @Override
      public void onStep(FitProgress progress) {
        FitProgressDisplay display = fit;
        if (display != null) {
          display.onStep(progress);
        }
      }

      @Override
      public void onDataEncoded(int rows, int encodedWidth, Duration took) {
        FitProgressDisplay display = fit;
        if (display != null) {
          display.onDataEncoded(rows, encodedWidth, took);
        }
      }

      @Override
      public void onEpochEnd(int epochsCompleted, int epochs) {
        FitProgressDisplay display = fit;
        if (display != null) {
          display.onEpochEnd(epochsCompleted, epochs);
        }
      }

      @Override
      public void onCheckpoint(Path dir, int epochsCompleted) {
        FitProgressDisplay display = fit;
        if (display != null) {
          display.onCheckpoint(dir, epochsCompleted);
        }
      }
    };
  }

  /** Returns the listener of the training's steps, which shows them once the training has started. */
  TrainingListener trainingListener() {
    return (StepReport report) -> {
      TrainProgressDisplay display = train;
      if (display != null) {
        display.onStep(report);
      }
    };
  }

  @Override
  public void onStageStart(DemoStage stage, String detail) {
    if (stage == DemoStage.FIT) {
      fit = new FitProgressDisplay(err, mode, diagnostics);
    } else if (stage == DemoStage.TRAIN) {
      train = new TrainProgressDisplay(err, mode);
    }
    if (mode != ProgressMode.NONE) {
      err.println(String.format(Locale.ROOT, "%s %s: %s", position(stage), stage.title(), detail));
      err.flush();
    }
  }

  @Override
  public void onStageEnd(DemoStage stage, Duration took, String outcome) {
    close();
    if (mode != ProgressMode.NONE) {
      err.println(String.format(Locale.ROOT, "%s done in %.1f s: %s", position(stage), took.toNanos() / 1e9,
          outcome));
      err.flush();
    }
  }

  @Override
  public void onNote(String note) {
    diagnostics.note(note);
  }

  private static String position(DemoStage stage) {
    return "[" + (stage.ordinal() + 1) + "/" + DemoStage.values().length + "]";
  }

  /** Closes the display still open, if any (a stage that failed ends without its end event). */
  @Override
  public void close() {
    FitProgressDisplay fitDisplay = fit;
    if (fitDisplay != null) {
      fit = null;
      fitDisplay.close();
    }
    TrainProgressDisplay trainDisplay = train;
    if (trainDisplay != null) {
      train = null;
      trainDisplay.close();
    }
  }
}
