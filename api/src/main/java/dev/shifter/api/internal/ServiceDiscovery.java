package dev.shifter.api.internal;

import dev.shifter.api.PluginProblem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the providers of a service with {@link ServiceLoader}, defensively: a service file that names a
 * missing class, or a provider whose constructor fails, becomes a {@link PluginProblem} naming the jar, and
 * the other providers still load.
 *
 * @param <P> the service type
 * @param providers the providers that could be created, each with the jar or folder it came from
 * @param problems what could not be loaded, in discovery order
 */
public record ServiceDiscovery<P>(List<Found<P>> providers, List<PluginProblem> problems) {

  /**
   * A provider and where it came from.
   *
   * @param <P> the service type
   * @param provider the created provider
   * @param origin the jar or folder of its class
   */
  public record Found<P>(P provider, String origin) {}

  /**
   * Loads every provider of {@code service} visible to {@code loader}.
   *
   * @param <P> the service type
   * @param service the service interface
   * @param loader where to look for {@code META-INF/services/} files
   * @param others what the other providers contribute, for messages, e.g. {@code "meta-features"}
   * @return the providers and problems
   */
  public static <P> ServiceDiscovery<P> load(Class<P> service, ClassLoader loader, String others) {
    List<Found<P>> found = new ArrayList<>();
    List<PluginProblem> problems = new ArrayList<>();
    ServiceFiles serviceFiles = ServiceFiles.scan(loader, service);
    Iterator<ServiceLoader.Provider<P>> it = ServiceLoader.load(service, loader).stream().iterator();
    while (true) {
      ServiceLoader.Provider<P> handle;
      try {
        if (!it.hasNext()) {
          break;
        }
        handle = it.next();
      } catch (ServiceConfigurationError e) {
        String className = serviceFiles.classNamedIn(e.getMessage());
        problems.add(new PluginProblem(serviceFiles.originOf(className), className,
            "Plug-in provider " + className + " in " + serviceFiles.originOf(className) + " could not be loaded: "
                + rootMessage(e) + ". Check that the jar contains that class and that the class implements "
                + service.getName() + "; remove the jar to silence this warning.",
            e));
        continue;
      }
      String className = handle.type().getName();
      String origin = Origins.of(handle.type());
      try {
        found.add(new Found<>(handle.get(), origin));
      } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
        problems.add(new PluginProblem(origin, className,
            "Plug-in provider " + className + " in " + origin + " failed in its constructor: " + rootMessage(e)
                + ". Fix the provider or remove the jar; the other " + others + " are unaffected.",
            e));
      }
    }
    return new ServiceDiscovery<>(List.copyOf(found), List.copyOf(problems));
  }

  /**
   * Describes an exception with its root cause.
   *
   * @param e the exception
   * @return its message, and its root cause when that is another exception
   */
  public static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (caused by " + root + ")";
  }
}
