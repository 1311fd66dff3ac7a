package dev.shifter.shift;

import dev.shifter.api.GeneratorLoader;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.LoadedModel;
import dev.shifter.api.PluginException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds the {@link GeneratorLoader} that understands a model directory. */
public final class GeneratorLoaders {
  private GeneratorLoaders() {}

  /**
   * Loads a model directory with the first installed loader that recognises it, looking on the
   * thread's context class loader.
   *
   * @param modelDir the model directory
   * @return the loaded generator; close it
   * @throws InvalidInputException if the directory does not exist or no loader recognises it
   */
  public static LoadedGenerator load(Path modelDir) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return load(modelDir, installed(context != null ? context : GeneratorLoaders.class.getClassLoader()));
  }

  /**
   * Loads a model directory with the first of the given loaders that recognises it.
   *
   * @param modelDir the model directory
   * @param loaders the loaders to try, in order
   * @return the loaded generator; close it
   * @throws InvalidInputException if the directory does not exist or no loader recognises it
   */
  public static LoadedGenerator load(Path modelDir, List<GeneratorLoader> loaders) {
    if (!Files.isDirectory(modelDir)) {
      throw new InvalidInputException("Model directory " + modelDir + (Files.exists(modelDir) ? " is not a directory"
          : " does not exist") + ". Give the directory written by 'shifter fit'.");
    }
    for (GeneratorLoader loader : loaders) {
      if (loader.canLoad(modelDir)) {
        ModelReference reference = ModelReference.of(modelDir);
        LoadedModel model = loader.load(modelDir);
        return new LoadedGenerator(model.adapter(), reference, model.release());
      }
    }
    List<String> names = loaders.stream().map(GeneratorLoader::name).toList();
    throw new InvalidInputException(modelDir + " is not a model directory that an installed loader recognises "
        + "(tried: " + (names.isEmpty() ? "none installed" : String.join(", ", names)) + "). Give the directory "
        + "written by 'shifter fit'.");
  }

  /**
   * Returns the loaders registered with {@link ServiceLoader} on a class loader.
   *
   * @param classLoader where to look
   * @return the loaders, in discovery order
   * @throws PluginException if a registered loader cannot be created
   */
  public static List<GeneratorLoader> installed(ClassLoader classLoader) {
    List<GeneratorLoader> loaders = new ArrayList<>();
    try {
      ServiceLoader.load(GeneratorLoader.class, classLoader).forEach(loaders::add);
    } catch (ServiceConfigurationError e) {
      throw new PluginException("A model loader (" + GeneratorLoader.class.getName() + ") could not be created: "
          + e.getMessage() + ". Remove or fix the plug-in jar that registers it.", e);
    }
    return List.copyOf(loaders);
  }
}
