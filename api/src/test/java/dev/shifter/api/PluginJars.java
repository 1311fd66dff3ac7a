package dev.shifter.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Packs fixture classes into plug-in jars and loads them the way the CLI loads a plug-in folder. */
final class PluginJars {
  private static final String FIXTURES = "dev.shifter.api.fixtures.";

  private PluginJars() {}

  /**
   * Writes a jar holding the given classes (with their nested classes) and a service file that
   * lists {@code providers}.
   */
  static Path write(Path dir, String jarName, List<Class<?>> classes, List<String> providers) {
    return write(dir, jarName, MetaFeatureProvider.class, classes, providers);
  }

  /** Writes a jar holding the given classes and a service file of {@code service} that lists {@code providers}. */
  static Path write(Path dir, String jarName, Class<?> service, List<Class<?>> classes, List<String> providers) {
    Path jar = dir.resolve(jarName);
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
      zip.putNextEntry(new JarEntry("META-INF/services/" + service.getName()));
      zip.write((String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      for (Class<?> type : classes) {
        Path folder = classFolder(type);
        String prefix = type.getName().replace('.', '/');
        try (var files = Files.walk(folder.resolve(prefix).getParent(), 1)) {
          for (Path file : files.toList()) {
            String name = folder.relativize(file).toString().replace('\\', '/');
            if (name.equals(prefix + ".class") || name.startsWith(prefix + "$")) {
              zip.putNextEntry(new JarEntry(name));
              zip.write(Files.readAllBytes(file));
              zip.closeEntry();
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jar;
  }

  /** A loader over the jars that sees the API from the test's class path but not the fixtures. */
  static URLClassLoader load(List<Path> jars) {
    URL[] urls = jars.stream().map(PluginJars::url).toArray(URL[]::new);
    return new URLClassLoader(urls, new HidingFixtures(PluginJars.class.getClassLoader()));
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Path classFolder(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Delegates to the test class path except for fixture classes, which must come from the jars. */
  private static final class HidingFixtures extends ClassLoader {
    HidingFixtures(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith(FIXTURES)) {
        throw new ClassNotFoundException(name);
      }
      return super.loadClass(name, resolve);
    }
  }
}
