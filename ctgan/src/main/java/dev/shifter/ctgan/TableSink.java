package dev.shifter.ctgan;

import dev.shifter.api.Table;

/** Receives the batches of a sample streamed by {@link CtganModel#sampleInBatches}, in order. */
@FunctionalInterface
public interface TableSink {
  /**
   * Takes one batch. The batch is closed when the call returns: copy or write what is needed.
   *
   * @param batch the next rows, with the model's columns
   */
  void accept(Table batch);
}
