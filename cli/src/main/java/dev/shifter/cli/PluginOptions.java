package dev.shifter.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --plugins DIR} option of commands that use meta-features, plus the folders of the
 * {@value #PATH_PROPERTY} system property (set by {@code bin/shifter} to the bundled plug-ins).
 */
final class PluginOptions {
  /** System property with plug-in folders separated by the path separator ({@code :} on Unix). */
  static final String PATH_PROPERTY = "shifter.plugin.path";

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--plugins", paramLabel = "DIR",
      description = "A folder of plug-in jars: every *.jar in it is loaded. Repeatable. The folders of the "
          + "system property " + PATH_PROPERTY + " are always loaded too.")
  List<Path> dirs = new ArrayList<>();

  /**
   * Loads the class path's meta-features and those of every plug-in folder, printing load problems as
   * warnings.
   *
   * @param diagnostics where warnings go
   * @return the plug-ins, to close when the command ends
   * @throws ParameterException if a {@code --plugins} folder does not exist
   */
  LoadedPlugins load(Diagnostics diagnostics) {
    List<Path> all = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        throw new ParameterException(mixee.commandLine(), "--plugins " + dir + ": "
            + (Files.exists(dir) ? "not a folder. Give the folder that holds the plug-in jars."
                : "no such folder. Check the path."));
      }
      all.add(dir);
    }
    String property = System.getProperty(PATH_PROPERTY, "");
    for (String entry : property.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path dir = Path.of(entry.strip());
      if (Files.isDirectory(dir)) {
        all.add(dir);
      } else {
        diagnostics.warning("the plug-in folder " + dir + " (from -D" + PATH_PROPERTY + ") does not exist; its "
            + "meta-features are not available. Rebuild Shifter (mvn install) or fix the property.");
      }
    }
    return LoadedPlugins.load(all.stream().distinct().toList(), diagnostics);
  }
}
