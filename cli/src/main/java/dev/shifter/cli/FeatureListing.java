package dev.shifter.cli;

import dev.shifter.api.Arity;
import dev.shifter.api.RegisteredMetaFeature;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Prints the installed meta-features for {@code shifter metafeatures --list}. */
final class FeatureListing {
  private FeatureListing() {}

  /** Prints one row per feature: name, arity, provider, jar and description. */
  static void printTable(List<RegisteredMetaFeature> features, PrintWriter out) {
    TextTable table = new TextTable(List.of("feature", "arity", "provider", "jar", "description"), Set.of());
    for (RegisteredMetaFeature feature : features) {
      table.add(List.of(feature.name(), arityText(feature.feature().arity()), feature.providerId(),
          jarName(feature.origin()), description(feature)));
    }
    table.print(out);
  }

  /** Returns {@code per column}, {@code per pair} or {@code scalar}. */
  static String arityText(Arity arity) {
    return arity.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** Returns the jar's file name, or the whole origin when it is a class folder or unknown. */
  static String jarName(String origin) {
    if (origin.toLowerCase(Locale.ROOT).endsWith(".jar")) {
      try {
        Path fileName = Path.of(origin).getFileName();
        return fileName == null ? origin : fileName.toString();
      } catch (InvalidPathException e) {
        return origin;
      }
    }
    return origin;
  }

  /** Returns the feature's description, or why it could not be read. */
  static String description(RegisteredMetaFeature feature) {
    try {
      return feature.feature().description().strip();
    } catch (RuntimeException | LinkageError e) {
      return "(the plug-in failed to describe it: " + e + ")";
    }
  }
}
