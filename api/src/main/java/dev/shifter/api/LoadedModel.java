package dev.shifter.api;

/**
 * A frozen generator that a {@link GeneratorLoader} loaded: its adapter, and what frees the model behind
 * it. Closing it closes the adapter first, then frees the model.
 *
 * @param adapter the generator's adapter
 * @param release frees the model's resources (its networks' native memory); run once, on close
 */
public record LoadedModel(GeneratorAdapter adapter, Runnable release) implements AutoCloseable {

  @Override
  public void close() {
    try {
      adapter.close();
    } finally {
      release.run();
    }
  }
}
