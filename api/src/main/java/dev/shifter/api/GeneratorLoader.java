package dev.shifter.api;

import java.nio.file.Path;

/**
 * Loads a frozen generator from a model directory: the service through which the Shifter meets a
 * generator without knowing its file format. Found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.shifter.api.GeneratorLoader}); the CTGAN module registers its own, and a
 * plug-in jar can add one for another kind of model.
 */
public interface GeneratorLoader {

  /**
   * Returns a short name for messages, e.g. {@code "ctgan"}.
   *
   * @return the name
   */
  String name();

  /**
   * Tells whether this loader recognises the directory (by its files, without loading it).
   *
   * @param modelDir an existing directory
   * @return true if {@link #load} should be able to load it
   */
  boolean canLoad(Path modelDir);

  /**
   * Loads the model and hands out its adapter.
   *
   * @param modelDir a directory this loader recognises
   * @return the generator; the caller closes it
   * @throws ArtifactException if the directory is damaged
   */
  LoadedModel load(Path modelDir);
}
