package dev.shifter.cli;

import dev.shifter.api.PluginRegistry;
import dev.shifter.api.RegisteredPlugin;
import dev.shifter.shift.MetaLosses;
import dev.shifter.shift.Regularizers;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code shifter plugins}: lists every installed meta-feature, regularizer and meta loss with the provider
 * and jar it comes from, the built-in ones included, so that a user sees what {@code --target},
 * {@code --regularizer} and {@code --meta-loss} can name. Plug-ins that fail to load are warned about.
 */
@Command(name = "plugins", sortOptions = false, mixinStandardHelpOptions = true,
    description = "List the installed meta-features, regularizers and meta losses, with the provider and jar of "
        + "each: the built-in ones and those of the plug-in folders (--plugins DIR and the bundled ones).",
    footer = {"", "Examples:", "  shifter plugins", "  shifter plugins --plugins my-plugins/",
        "", "Exit codes: 0 done, 1 internal error, 2 bad usage (e.g. a --plugins folder that does not exist)."})
final class PluginsCommand implements Callable<Integer> {
  private static final String BUILT_IN = "shifter";

  @Spec
  CommandSpec spec;

  @Mixin
  PluginOptions plugins;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    Diagnostics diagnostics = Diagnostics.of(spec);
    PrintWriter out = spec.commandLine().getOut();
    try (LoadedPlugins loaded = plugins.load(diagnostics)) {
      out.println("Meta-features (" + loaded.registry().all().size() + "):");
      FeatureListing.printTable(loaded.registry().all(), out);
      out.println();
      printPlugins("Regularizers", "regularizer", Regularizers.BUILT_IN_NAMES, loaded.regularizers(), out);
      out.println();
      printPlugins("Meta losses", "meta loss", MetaLosses.builtInNames(), loaded.metaLosses(), out);
      out.flush();
      return ExitCode.OK.code();
    }
  }

  private static <T> void printPlugins(String title, String column, List<String> builtIn,
      PluginRegistry<T> installed, PrintWriter out) {
    out.println(title + " (" + (builtIn.size() + installed.all().size()) + "):");
    TextTable table = new TextTable(List.of(column, "provider", "jar"), Set.of());
    for (String name : builtIn) {
      table.add(List.of(name, BUILT_IN, "built in"));
    }
    for (RegisteredPlugin<T> plugin : installed.all()) {
      table.add(List.of(plugin.name(), plugin.providerId(), FeatureListing.jarName(plugin.origin())));
    }
    table.print(out);
  }
}
