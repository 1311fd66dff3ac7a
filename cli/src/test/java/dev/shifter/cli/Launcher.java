package dev.shifter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Runs {@code bin/shifter} as a process on the built jars (SHIFTER_SKIP_BUILD=1, one thread), for the *IT tests. */
final class Launcher {
  private Launcher() {}

  /**
   * What a finished run returned.
   *
   * @param exit the exit code
   * @param output standard output and error together
   */
  record Run(int exit, String output) {}

  /** The repository's bin/shifter, from the failsafe property {@code shifter.launcher}. */
  static Path launcher() {
    return Path.of(System.getProperty("shifter.launcher", "../bin/shifter")).toAbsolutePath().normalize();
  }

  /** The runtime jars of the command line (cli/target/lib), which a plug-in author compiles against. */
  static Path libraries() {
    return launcher().getParent().getParent().resolve("cli").resolve("target").resolve("lib");
  }

  /**
   * Runs the launcher to its end and returns its exit code and output.
   *
   * @param dir where the output log is kept while it runs
   * @param prefix {@code NAME=value} environment settings and a command to run the launcher under
   * @param command the launcher's arguments
   * @param timeoutSeconds the most it may take
   */
  static Run run(Path dir, List<String> prefix, List<String> command, long timeoutSeconds) throws Exception {
    Path log = dir.resolve("run-" + UUID.randomUUID() + ".log");
    Process process = start(prefix, command, log);
    boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    Files.delete(log);
    assertThat(finished).as("finished within %d s: %s", timeoutSeconds, output).isTrue();
    return new Run(process.exitValue(), output);
  }

  /**
   * Starts the launcher with its output going to {@code log}.
   *
   * @param prefix {@code NAME=value} environment settings and a command to run the launcher under
   * @param command the launcher's arguments
   * @param log the file that receives standard output and error
   */
  static Process start(List<String> prefix, List<String> command, Path log) throws IOException {
    List<String> full = new ArrayList<>();
    List<String> environment = new ArrayList<>();
    for (String word : prefix) {
      (word.matches("[A-Z_]+=.*") ? environment : full).add(word);
    }
    full.add(launcher().toString());
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SHIFTER_SKIP_BUILD", "1");
    builder.environment().put("SHIFTER_THREADS", "1");
    for (String setting : environment) {
      builder.environment().put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
    }
    return builder.start();
  }
}
