package dev.shifter.shift;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a Shifter directory holds, read by {@link TrainedShifter#inspect(java.nio.file.Path)} without its
 * networks or generator.
 *
 * @param config the training settings (its tolerances included)
 * @param targets the targets or range it was trained for
 * @param steps the training steps taken
 * @param complete whether training ended (rather than this being a checkpoint)
 * @param summary the summary of the training run once complete, else {@code null}
 * @param lossHistory the training-loss curve (see {@link TrainedShifter#lossHistory()})
 * @param model the model it was trained against
 */
public record SavedShifter(ShifterConfig config, Targets targets, int steps, boolean complete,
    @Nullable TrainingSummary summary, List<StepLoss> lossHistory, ModelReference model) {

  /** Copies the curve. */
  public SavedShifter {
    lossHistory = List.copyOf(lossHistory);
  }
}
