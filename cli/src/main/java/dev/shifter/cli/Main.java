package dev.shifter.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code shifter} command. Each subcommand is a class of this package registered in the
 * {@code subcommands} list below; they share {@link CommonOptions}, {@link PluginOptions},
 * {@link ColumnKindOptions}, {@link Diagnostics} and the exit codes of {@link ExitCode}.
 */
@Command(name = "shifter", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Synthetic tabular data with the statistics you ask for.",
    subcommands = {MetaFeaturesCommand.class, FitCommand.class, SampleCommand.class, TrainCommand.class,
        GenerateCommand.class, SweepCommand.class, EvaluateCommand.class, ReportCommand.class, DemoCommand.class,
        PluginsCommand.class, HelpCommand.class},
    footer = {"", "Run 'shifter COMMAND --help' for a command's options and examples.",
        "", "Examples:",
        "  shifter demo",
        "  shifter fit --data adult.csv --epochs 300 --seed 1 --out models/adult",
        "  shifter train --model models/adult --target target.json --out shifters/adult",
        "  shifter generate --shifter shifters/adult -n 20000 --seed 1 --out shifted.csv",
        "  shifter report --real adult.csv --synthetic synth.csv --shifted shifted.csv \\",
        "      --shifter shifters/adult --out report.html",
        "", "Environment: SHIFTER_THREADS (PyTorch threads; default: the cores other processes leave idle at "
        + "launch), "
        + "SHIFTER_JAVA_OPTS (e.g. -Xmx8g).",
        "", "Exit codes: 0 done, 1 internal error, 2 bad usage, 3 bad input, 4 plug-in failure."})
public final class Main implements Callable<Integer> {
  /** DJL must not download anything: the PyTorch native library ships with Shifter. */
  private static final String DJL_OFFLINE = "ai.djl.offline";
  /** The report draws its charts off screen: no display is needed or used. */
  private static final String AWT_HEADLESS = "java.awt.headless";

  /** Columns of the help text: wide enough for a whole example command on one line. */
  static final int HELP_WIDTH = 100;

  @Spec
  CommandSpec spec;

  @Mixin
  CommonOptions common;

  /** Creates the command; picocli calls this. */
  public Main() {
    // Fields are injected by picocli.
  }

  /**
   * Runs the command line and exits the JVM with its exit code.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    System.exit(run(System.out, System.err, args));
  }

  /**
   * Runs the command line without exiting, writing to the given streams (UTF-8).
   *
   * @param out where results go
   * @param err where errors, warnings and notes go
   * @param args the command-line arguments
   * @return the exit code, one of {@link ExitCode}'s
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    if (System.getProperty(DJL_OFFLINE) == null) {
      System.setProperty(DJL_OFFLINE, "true");
    }
    if (System.getProperty(AWT_HEADLESS) == null) {
      System.setProperty(AWT_HEADLESS, "true");
    }
    PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    try {
      ErrorHandler errors = new ErrorHandler();
      CommandLine commandLine = new CommandLine(new Main())
          .setCaseInsensitiveEnumValuesAllowed(true)
          .setUsageHelpWidth(HELP_WIDTH)
          .setExecutionExceptionHandler(errors)
          .setParameterExceptionHandler(errors)
          .setOut(outWriter)
          .setErr(errWriter);
      return commandLine.execute(args);
    } catch (OutOfMemoryError e) {
      errWriter.println("shifter: error: out of memory (" + e.getMessage() + "). Give Java more memory, e.g. "
          + "SHIFTER_JAVA_OPTS=-Xmx8g bin/shifter ..., or ask for fewer rows; 'sample' streams any number of rows in "
          + "constant memory.");
      return ExitCode.INTERNAL.code();
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
  }

  /** Runs when no subcommand is given. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing command. Commands: "
        + String.join(", ", spec.subcommands().keySet()) + ".");
  }
}
