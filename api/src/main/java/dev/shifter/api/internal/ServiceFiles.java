package dev.shifter.api.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code META-INF/services} files of one service to know which jar names which provider
 * class, so that a provider that cannot even be loaded is still reported with its jar.
 */
public final class ServiceFiles {
  private static final Pattern CLASS_NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)+");
  private final Map<String, String> originByClass;

  private ServiceFiles(Map<String, String> originByClass) {
    this.originByClass = originByClass;
  }

  /**
   * Scans every service file for {@code service} visible to {@code loader}.
   *
   * @param loader the class loader to ask
   * @param service the service interface
   * @return the index from provider class name to the jar that lists it
   */
  public static ServiceFiles scan(ClassLoader loader, Class<?> service) {
    Map<String, String> originByClass = new LinkedHashMap<>();
    try {
      Enumeration<URL> files = loader.getResources("META-INF/services/" + service.getName());
      while (files.hasMoreElements()) {
        URL file = files.nextElement();
        String origin = originOf(file);
        for (String name : read(file)) {
          originByClass.putIfAbsent(name, origin);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the service files of " + service.getName(), e);
    }
    return new ServiceFiles(originByClass);
  }

  /**
   * Returns the jar that lists {@code className}.
   *
   * @param className a provider class name
   * @return the jar or folder, or "an unknown jar" if no service file names it
   */
  public String originOf(String className) {
    return originByClass.getOrDefault(className, "an unknown jar");
  }

  /**
   * Finds which listed provider class an error message is about.
   *
   * @param message a {@link java.util.ServiceConfigurationError} message
   * @return the first listed class name the message mentions, or the message itself
   */
  public String classNamedIn(@Nullable String message) {
    if (message == null) {
      return "an unknown provider";
    }
    Matcher matcher = CLASS_NAME.matcher(message);
    while (matcher.find()) {
      if (originByClass.containsKey(matcher.group())) {
        return matcher.group();
      }
    }
    return message;
  }

  private static List<String> read(URL file) throws IOException {
    List<String> names = new ArrayList<>();
    URLConnection connection = file.openConnection();
    connection.setUseCaches(false);
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        int comment = line.indexOf('#');
        String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
    }
    return names;
  }

  private static String originOf(URL serviceFile) {
    try {
      if ("jar".equals(serviceFile.getProtocol())) {
        URLConnection connection = serviceFile.openConnection();
        if (connection instanceof JarURLConnection jar) {
          return Path.of(jar.getJarFileURL().toURI()).toString();
        }
      }
      if ("file".equals(serviceFile.getProtocol())) {
        Path path = Path.of(serviceFile.toURI());
        // META-INF/services/<file> sits three levels below the class folder.
        @Nullable Path root = path;
        for (int level = 0; level < 3 && root != null; level++) {
          root = root.getParent();
        }
        return root == null ? path.toString() : root.toString();
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return serviceFile.toString();
    }
    return serviceFile.toString();
  }
}
