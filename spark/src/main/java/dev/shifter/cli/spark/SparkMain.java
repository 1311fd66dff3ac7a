package dev.shifter.cli.spark;

import dev.shifter.api.ArtifactException;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.PluginException;
import dev.shifter.api.ShifterException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command {@code spark-submit} runs: {@code --class dev.shifter.cli.spark.SparkMain shifter-spark.jar
 * generate|metafeatures|sweep ...}; it is the jar's main class, so {@code --class} may be left out. The
 * Spark session comes from {@code spark-submit} (its {@code --master} and {@code --conf}); the exit codes
 * are those of {@code bin/shifter}.
 */
@Command(name = "shifter-spark", mixinStandardHelpOptions = true, version = "shifter-spark 0.1.0",
    description = "Shifter on Apache Spark: generate a distributed table, measure one's meta-features, or spread "
        + "a sweep's points over the cluster.",
    subcommands = {GenerateJob.class, MetaFeaturesJob.class, SweepJob.class, CommandLine.HelpCommand.class},
    footer = {"", "Examples:",
        "  spark-submit --class dev.shifter.cli.spark.SparkMain --jars pytorch-native-cpu-2.7.1-linux-x86_64.jar \\",
        "      shifter-spark.jar generate --model /shared/models/adult --rows 10000000 --seed 1 \\",
        "      --out /shared/adult-10m.parquet",
        "  spark-submit ... shifter-spark.jar metafeatures --data /shared/adult-10m.parquet \\",
        "      --features mean,sd,skewness,median,cor --out adult-10m.json",
        "  spark-submit ... shifter-spark.jar sweep --shifter /shared/sweeps/adult/shifter --grid grid.json \\",
        "      --rows 100000 --seed 1 --out /shared/sweeps/adult-spark",
        "", "Exit codes: 0 done, 1 internal error, 2 bad usage, 3 bad input, 4 plug-in failure."})
public final class SparkMain implements Callable<Integer> {
  static final int OK = 0;
  static final int INTERNAL = 1;
  static final int USAGE = 2;
  static final int INPUT = 3;
  static final int PLUGIN = 4;

  @Spec
  CommandSpec spec;

  private final SparkSession session;

  SparkMain(SparkSession session) {
    this.session = session;
  }

  /**
   * Runs a command with the session {@code spark-submit} configured, stops the session and exits with the
   * command's exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    int code;
    SparkSession session = SparkSession.builder().appName("shifter-spark").getOrCreate();
    try {
      code = run(session, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    } finally {
      session.stop();
    }
    System.exit(code);
  }

  /**
   * Runs a command on a session without stopping it or exiting.
   *
   * @param session the Spark session
   * @param out where results go
   * @param err where errors and notes go
   * @param args the command line
   * @return the exit code
   */
  public static int run(SparkSession session, PrintWriter out, PrintWriter err, String... args) {
    CommandLine line = new CommandLine(new SparkMain(session), new JobFactory(session));
    line.setOut(out);
    line.setErr(err);
    line.setExecutionExceptionHandler((e, command, parsed) -> {
      ShifterException failure = shifterCause(e);
      command.getErr().println("error: " + (failure == null ? e : failure.getMessage()));
      if (failure == null) {
        e.printStackTrace(command.getErr());
      }
      return exitCode(failure);
    });
    return line.execute(args);
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return USAGE;
  }

  /** Spark wraps a task's exception in its own: the first Shifter exception of the chain says what was wrong. */
  static @Nullable ShifterException shifterCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ShifterException failure) {
        return failure;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static int exitCode(@Nullable ShifterException failure) {
    if (failure instanceof PluginException) {
      return PLUGIN;
    }
    if (failure instanceof InvalidInputException || failure instanceof ArtifactException) {
      return INPUT;
    }
    return INTERNAL;
  }

  /** Gives each job the session. */
  private record JobFactory(SparkSession session) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == GenerateJob.class) {
        return type.cast(new GenerateJob(session));
      }
      if (type == MetaFeaturesJob.class) {
        return type.cast(new MetaFeaturesJob(session));
      }
      if (type == SweepJob.class) {
        return type.cast(new SweepJob(session));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
