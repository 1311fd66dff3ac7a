package dev.shifter.shift;

import dev.shifter.api.GeneratorAdapter;

/**
 * A generator loaded from a model directory: its adapter, the reference of the model, and what to
 * release when done. Closing it closes the adapter and then the model.
 *
 * @param adapter the frozen generator
 * @param model the model's reference (fingerprint and location)
 * @param release frees the model behind the adapter; called once by {@link #close()}
 */
public record LoadedGenerator(GeneratorAdapter adapter, ModelReference model, Runnable release)
    implements AutoCloseable {

  /** Closes the adapter, then releases the model. */
  @Override
  public void close() {
    try {
      adapter.close();
    } finally {
      release.run();
    }
  }
}
