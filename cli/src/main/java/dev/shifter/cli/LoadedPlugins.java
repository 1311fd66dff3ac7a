package dev.shifter.cli;

import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.MetaLoss;
import dev.shifter.api.PluginProblem;
import dev.shifter.api.PluginRegistry;
import dev.shifter.api.Regularizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * The meta-features visible to a command: the class path plus every {@code *.jar} of the plug-in
 * folders, loaded by one {@link URLClassLoader} that is the thread's context class loader until
 * {@link #close()}.
 */
final class LoadedPlugins implements AutoCloseable {
  private final URLClassLoader loader;
  private final ClassLoader previous;
  private final MetaFeatureRegistry registry;
  private final PluginRegistry<Regularizer> regularizers;
  private final PluginRegistry<MetaLoss> metaLosses;

  private LoadedPlugins(URLClassLoader loader, ClassLoader previous, MetaFeatureRegistry registry,
      PluginRegistry<Regularizer> regularizers, PluginRegistry<MetaLoss> metaLosses) {
    this.loader = loader;
    this.previous = previous;
    this.registry = registry;
    this.regularizers = regularizers;
    this.metaLosses = metaLosses;
  }

  /**
   * Loads the plug-ins of existing folders and reports load problems as warnings.
   *
   * @param dirs folders that exist
   * @param diagnostics where to report broken plug-ins
   * @return the loaded plug-ins; close them when the command ends
   */
  static LoadedPlugins load(List<Path> dirs, Diagnostics diagnostics) {
    List<URL> jars = new ArrayList<>();
    for (Path dir : dirs) {
      for (Path jar : jarsIn(dir)) {
        String problem = unreadableJar(jar);
        if (problem == null) {
          jars.add(url(jar));
        } else {
          diagnostics.warning("plug-in " + jar + " was skipped: " + problem + ". Replace it with the jar the "
              + "plug-in's build makes, or remove it from the folder.");
        }
      }
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    URLClassLoader loader = new URLClassLoader("shifter-plugins", jars.toArray(URL[]::new),
        LoadedPlugins.class.getClassLoader());
    thread.setContextClassLoader(loader);
    MetaFeatureRegistry registry;
    PluginRegistry<Regularizer> regularizers;
    PluginRegistry<MetaLoss> metaLosses;
    try {
      registry = MetaFeatureRegistry.load(loader);
      regularizers = PluginRegistry.regularizers(loader);
      metaLosses = PluginRegistry.metaLosses(loader);
    } catch (RuntimeException | Error e) {
      thread.setContextClassLoader(previous);
      closeQuietly(loader);
      throw e;
    }
    List<PluginProblem> problems = new ArrayList<>(registry.problems());
    problems.addAll(regularizers.problems());
    problems.addAll(metaLosses.problems());
    problems.forEach(problem -> {
      diagnostics.warning(problem.message());
      if (problem.cause() != null) {
        diagnostics.stackTrace(problem.cause());
      }
    });
    return new LoadedPlugins(loader, previous, registry, regularizers, metaLosses);
  }

  /** Returns the registry of every meta-feature that loaded. */
  MetaFeatureRegistry registry() {
    return registry;
  }

  /**
   * Returns the regularizers the plug-ins contribute.
   *
   * @return the plug-in regularizers
   */
  PluginRegistry<Regularizer> regularizers() {
    return regularizers;
  }

  /**
   * Returns the meta losses the plug-ins contribute.
   *
   * @return the plug-in losses
   */
  PluginRegistry<MetaLoss> metaLosses() {
    return metaLosses;
  }

  /** Restores the previous context class loader and closes the plug-in jars. */
  @Override
  public void close() {
    Thread.currentThread().setContextClassLoader(previous);
    closeQuietly(loader);
  }

  private static List<Path> jarsIn(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the plug-in folder " + dir, e);
    }
  }

  /** Says why a file named {@code .jar} cannot be a plug-in, or returns null when it opens as a jar. */
  private static @Nullable String unreadableJar(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.size() == 0 ? "it is an empty archive" : null;
    } catch (ZipException e) {
      return "it is not a jar (not a zip archive: " + e.getMessage() + ")";
    } catch (IOException e) {
      return "it cannot be read (" + e.getMessage() + ")";
    }
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("Cannot turn " + jar + " into a URL", e);
    }
  }

  private static void closeQuietly(URLClassLoader loader) {
    try {
      loader.close();
    } catch (IOException ignored) {
      // The jars were only read; a failure to release them does not matter to the command.
    }
  }
}
