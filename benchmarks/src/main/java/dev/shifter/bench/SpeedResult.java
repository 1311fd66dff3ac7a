package dev.shifter.bench;

/**
 * Training speed for one number of targeted entries at the default sizes.
 *
 * @param entries the number of targeted entries
 * @param steps the steps taken
 * @param medianStepMillis the median time of a training step without evaluation
 * @param overallStepsPerSecond steps per second with the calibration and the evaluations included
 */
record SpeedResult(int entries, int steps, double medianStepMillis, double overallStepsPerSecond) {

  /** Returns the training steps per second from the median step time. */
  double stepsPerSecond() {
    return 1000 / medianStepMillis;
  }
}
