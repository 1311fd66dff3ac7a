package dev.shifter.demo;

import java.time.Duration;

/**
 * Hears about the stages of a {@link DemoPipeline} run, on the thread that runs it. The progress inside
 * the fit and the training goes to the listeners given for them ({@link DemoPipeline.Builder#optFitListener},
 * {@link DemoPipeline.Builder#optTrainingListener}).
 */
@FunctionalInterface
public interface DemoListener {

  /**
   * Called when a stage starts.
   *
   * @param stage the stage
   * @param detail what it is about to do, e.g. {@code "60 epochs on 4,000 rows"}
   */
  void onStageStart(DemoStage stage, String detail);

  /**
   * Called when a stage has finished.
   *
   * @param stage the stage
   * @param took how long it took
   * @param outcome what it did, e.g. {@code "wrote demo-output/model"}
   */
  default void onStageEnd(DemoStage stage, Duration took, String outcome) {}

  /**
   * Called with something the user should know that is not a stage's outcome, e.g. that the shifted
   * table came from the reweighting baseline.
   *
   * @param note the sentence
   */
  default void onNote(String note) {}

  /**
   * Returns a listener that ignores everything.
   *
   * @return the listener
   */
  static DemoListener none() {
    return (stage, detail) -> { };
  }
}
