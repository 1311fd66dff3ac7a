package dev.shifter.shift;

/** Why training ended. */
public enum StopReason {
  /** Every target entry was within the stopping fraction of its tolerance on an evaluation batch. */
  CONVERGED,
  /** The configured number of steps was reached. */
  MAX_STEPS,
  /** {@link ShifterTrainer#requestStop()} was called. */
  STOPPED
}
