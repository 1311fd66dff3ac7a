package dev.shifter.cli;

import dev.shifter.api.MetaFeatureRegistry;
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
import java.util.stream.Stream;

/**
 * The meta-features visible to a command: the class path plus every {@code *.jar} of the plug-in
 * folders, loaded by one {@link URLClassLoader} that is the thread's context class loader until
 * {@link #close()}.
 */
final class LoadedPlugins implements AutoCloseable {
  private final URLClassLoader loader;
  private final ClassLoader previous;
  private final MetaFeatureRegistry registry;

  private LoadedPlugins(URLClassLoader loader, ClassLoader previous, MetaFeatureRegistry registry) {
    this.loader = loader;
    this.previous = previous;
    this.registry = registry;
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
        jars.add(url(jar));
      }
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    URLClassLoader loader = new URLClassLoader("shifter-plugins", jars.toArray(URL[]::new),
        LoadedPlugins.class.getClassLoader());
    thread.setContextClassLoader(loader);
    MetaFeatureRegistry registry;
    try {
      registry = MetaFeatureRegistry.load(loader);
    } catch (RuntimeException | Error e) {
      thread.setContextClassLoader(previous);
      closeQuietly(loader);
      throw e;
    }
    registry.problems().forEach(problem -> {
      diagnostics.warning(problem.message());
      if (problem.cause() != null) {
        diagnostics.stackTrace(problem.cause());
      }
    });
    return new LoadedPlugins(loader, previous, registry);
  }

  /** Returns the registry of every meta-feature that loaded. */
  MetaFeatureRegistry registry() {
    return registry;
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
