package dev.shifter.cli;

import dev.shifter.shift.StepReport;
import dev.shifter.shift.TrainingListener;
import java.io.PrintWriter;

/**
 * The progress of a sweep's trainings (the range Shifter's, then each refined point's): a fresh
 * {@link TrainProgressDisplay} for every training, recognised by its step count starting again.
 */
final class SweepProgress implements TrainingListener, AutoCloseable {
  private final PrintWriter err;
  private final ProgressMode mode;
  private TrainProgressDisplay display;
  private long lastStep = Long.MAX_VALUE;

  SweepProgress(PrintWriter err, ProgressMode mode) {
    this.err = err;
    this.mode = mode;
    this.display = new TrainProgressDisplay(err, mode);
  }

  @Override
  public void onStep(StepReport report) {
    if (report.step() <= lastStep && lastStep != Long.MAX_VALUE) {
      display.close();
      display = new TrainProgressDisplay(err, mode);
    }
    lastStep = report.step();
    display.onStep(report);
  }

  @Override
  public void onWarning(String message) {
    display.onWarning(message);
  }

  /** Ends the current display, so that the next message starts on a line of its own. */
  @Override
  public void close() {
    display.close();
  }
}
