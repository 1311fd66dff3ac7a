package dev.shifter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shifter.api.testing.Unprivileged;
import dev.shifter.cli.Launcher.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faults of issue 11 that need the real launcher and a process of their own: a model given as the
 * output of {@code train}, read-only folders (as a user whom permissions bind; see
 * {@link Unprivileged}), Ctrl-C during a large sample, kill -9 during a fit, a full disk (a small
 * tmpfs, as root) and a small Java heap. Runs {@code bin/shifter} on the jars Maven has just packaged.
 */
class BadInputIT {
  private static final long TIMEOUT_SECONDS = 300;

  @TempDir
  static Path dir;
  private static Path data;
  private static Path model;
  private static Path shifter;

  /** A small table, a CTGAN fitted on it and a Shifter trained against that CTGAN, through the launcher. */
  @BeforeAll
  static void fitAndTrain() throws Exception {
    data = BadInputFixtures.smallTable(dir.resolve("train.csv"), 300, 5);
    model = dir.resolve("model");
    Run fit = run(List.of("fit", "--data", data.toString(), "--out", model.toString(), "--epochs", "1",
        "--batch-size", "100", "--seed", "1", "--progress", "none"));
    assertThat(fit.exit()).as(fit.output()).isZero();
    Path target = Files.writeString(dir.resolve("target.json"), "{\"mean\": {\"age\": 45}}");
    shifter = dir.resolve("shifter");
    Run train = run(List.of("train", "--model", model.toString(), "--target", target.toString(), "--out",
        shifter.toString(), "--steps", "10", "--progress", "none"));
    assertThat(train.exit()).as(train.output()).isZero();
  }

  @AfterEach
  void makeEverythingWritableAgain() throws IOException {
    try (Stream<Path> tree = Files.walk(dir)) {
      for (Path path : tree.filter(Files::isDirectory).toList()) {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
  }

  @Test
  void trainWithItsOutputAtTheModelRefusesAndTheModelSurvives() throws Exception {
    Map<String, String> before = BadInputFixtures.contents(model);
    Path target = Files.writeString(dir.resolve("t-loss.json"), "{\"mean\": {\"age\": 40}}");

    Run train = run(List.of("train", "--model", model.toString(), "--target", target.toString(), "--out",
        model.toString(), "--steps", "10", "--progress", "none"));
    Run sample = run(List.of("sample", "--model", model.toString(), "-n", "10", "--seed", "1", "--out",
        dir.resolve("after.csv").toString()));

    assertThat(train.exit()).as(train.output()).isEqualTo(3);
    assertThat(train.output()).contains("holds a CTGAN model directory").contains("was not replaced");
    assertThat(BadInputFixtures.contents(model)).isEqualTo(before);
    assertThat(sample.exit()).as(sample.output()).isZero();
  }

  @Test
  void aReadOnlyModelIsRefusedBeforeTrainingAndLeftExactlyAsItWas() throws Exception {
    List<String> unprivileged = Unprivileged.prefix();
    Path locked = copyOf(model, "locked-model");
    Map<String, String> before = BadInputFixtures.contents(locked);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));

    Run fit = run(unprivileged, List.of("fit", "--data", data.toString(), "--out", locked.toString(), "--epochs",
        "3", "--checkpoint-every", "0", "--progress", "lines"));

    assertThat(fit.exit()).as(fit.output()).isEqualTo(3);
    assertThat(fit.output()).contains("cannot be replaced: it is not writable (permission denied)")
        .doesNotContain("epoch 1/3");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(locked))).isEqualTo("r-xr-xr-x");
    assertThat(BadInputFixtures.contents(locked)).isEqualTo(before);
  }

  @Test
  void aReadOnlyShifterAndAnEmptyReadOnlyFolderAreRefusedByTrain() throws Exception {
    List<String> unprivileged = Unprivileged.prefix();
    Path locked = copyOf(shifter, "locked-shifter");
    Map<String, String> before = BadInputFixtures.contents(locked);
    Path empty = Files.createDirectory(dir.resolve("locked-empty"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    Files.setPosixFilePermissions(empty, PosixFilePermissions.fromString("r-xr-xr-x"));
    Path target = Files.writeString(dir.resolve("t-locked.json"), "{\"mean\": {\"age\": 40}}");

    Run intoShifter = run(unprivileged, List.of("train", "--model", model.toString(), "--target", target.toString(),
        "--out", locked.toString(), "--steps", "10", "--progress", "none"));
    Run intoEmpty = run(unprivileged, List.of("train", "--model", model.toString(), "--target", target.toString(),
        "--out", empty.toString(), "--steps", "10", "--progress", "none"));

    assertThat(intoShifter.exit()).as(intoShifter.output()).isEqualTo(3);
    assertThat(intoShifter.output()).contains("not writable");
    assertThat(BadInputFixtures.contents(locked)).isEqualTo(before);
    assertThat(intoEmpty.exit()).as(intoEmpty.output()).isEqualTo(3);
    try (Stream<Path> entries = Files.list(empty)) {
      assertThat(entries).isEmpty();
    }
    assertThat(hiddenEntriesOf(dir)).isEmpty();
  }

  @Test
  void ctrlCDuringALargeSampleLeavesNoTemporaryFile() throws Exception {
    Path out = dir.resolve("interrupted.csv");
    Process process = start(List.of(), List.of("sample", "--model", model.toString(), "-n", "50000000", "--seed",
        "1", "--out", out.toString()), dir.resolve("interrupted.log"));
    try {
      waitFor(() -> hiddenEntriesOf(dir).stream().anyMatch(p -> p.getFileName().toString().startsWith(".interrupted")
          && size(p) > 1_000_000), "the temporary file of the sample to grow past 1 MB");
      signal(process, "INT");
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
    assertThat(process.exitValue()).isNotZero();
    assertThat(out).doesNotExist();
    assertThat(hiddenEntriesOf(dir)).isEmpty();
  }

  @Test
  void ctrlCDuringAFitPrintsTheResumeCommandWithTheRealPaths() throws Exception {
    Path out = dir.resolve("stopped-model");
    Path log = dir.resolve("stopped.log");
    Process process = start(List.of(), List.of("fit", "--data", data.toString(), "--out", out.toString(), "--epochs",
        "500", "--batch-size", "100", "--discrete", "age", "--progress", "lines"), log);
    try {
      waitFor(() -> Files.isDirectory(out), "the first checkpoint");
      signal(process, "INT");
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
    assertThat(Files.readString(log)).contains("continue with: shifter fit --data " + data + " --out " + out
        + " --discrete age --epochs 500 --resume");
  }

  @Test
  void theTemporaryFoldersOfAKilledFitAreGoneAfterASuccessfulResume() throws Exception {
    Path out = dir.resolve("killed-model");
    Process process = start(List.of(), List.of("fit", "--data", data.toString(), "--out", out.toString(), "--epochs",
        "500", "--batch-size", "100", "--progress", "none"), dir.resolve("killed.log"));
    try {
      waitFor(() -> Files.isDirectory(out), "the first checkpoint");
      signal(process, "KILL");
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
    Path orphan = Files.createDirectory(dir.resolve(".killed-model.tmp-" + process.pid() + "-" + UUID.randomUUID()));
    Files.writeString(orphan.resolve("generator.params"), "half a checkpoint");

    Run resume = run(List.of("fit", "--data", data.toString(), "--out", out.toString(), "--epochs",
        String.valueOf(epochsIn(out) + 1), "--batch-size", "100", "--resume", "--progress", "none"));

    assertThat(resume.exit()).as(resume.output()).isZero();
    assertThat(hiddenEntriesOf(dir)).isEmpty();
  }

  @Test
  void aFullDiskGivesTheDiskSpaceMessageAndLeavesNoTemporaryFile() throws Exception {
    Path mount = Files.createDirectory(dir.resolve("small-disk"));
    boolean mounted = Unprivileged.isRoot() && new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs",
        mount.toString()).redirectErrorStream(true).start().waitFor() == 0;
    assumeTrue(mounted, "skipped: a small disk needs root and permission to mount a tmpfs, which this machine lacks");
    try {
      Path out = mount.resolve("full.csv");
      Run csv = run(List.of("sample", "--model", model.toString(), "-n", "200000", "--seed", "1", "--out",
          out.toString()));
      Run arrow = run(List.of("sample", "--model", model.toString(), "-n", "200000", "--seed", "1", "--out",
          mount.resolve("full.arrow").toString()));

      for (Run full : List.of(csv, arrow)) {
        assertThat(full.exit()).as(full.output()).isEqualTo(1);
        assertThat(full.output()).contains("No space left on device while writing the file")
            .contains("Check the free disk space").doesNotContain("internal error");
      }
      try (Stream<Path> left = Files.list(mount)) {
        assertThat(left).isEmpty();
      }
    } finally {
      new ProcessBuilder("umount", mount.toString()).start().waitFor();
    }
  }

  @Test
  void sampleStreamsMoreRowsThanASmallHeapCouldHold() throws Exception {
    Path out = dir.resolve("streamed.arrow");
    Run small = run(List.of("SHIFTER_JAVA_OPTS=-Xmx48m"), List.of("sample", "--model", model.toString(), "-n",
        "1500000", "--seed", "1", "--out", out.toString()));

    assertThat(small.exit()).as(small.output()).isZero();
    assertThat(small.output()).contains("wrote 1,500,000 rows");
    assertThat(Files.size(out)).isGreaterThan(1_500_000L * 16);
  }

  private static Run run(List<String> command) throws Exception {
    return Launcher.run(dir, List.of(), command, TIMEOUT_SECONDS);
  }

  private static Run run(List<String> prefix, List<String> command) throws Exception {
    return Launcher.run(dir, prefix, command, TIMEOUT_SECONDS);
  }

  private static Process start(List<String> prefix, List<String> command, Path log) throws IOException {
    return Launcher.start(prefix, command, log);
  }

  private static void signal(Process process, String signal) throws Exception {
    assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor()).isZero();
  }

  @FunctionalInterface
  private interface Condition {
    boolean holds() throws IOException;
  }

  private static void waitFor(Condition condition, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!condition.holds()) {
      assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static List<Path> hiddenEntriesOf(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(p -> p.getFileName().toString().startsWith(".")).toList();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static Path copyOf(Path source, String name) throws IOException {
    Path copy = Files.createDirectory(dir.resolve(name));
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : files.toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    }
    return copy;
  }

  private static int epochsIn(Path modelDir) throws IOException {
    String manifest = Files.readString(modelDir.resolve("manifest.json"));
    Matcher epochs = Pattern.compile("\"epochsCompleted\"\\s*:\\s*(\\d+)").matcher(manifest);
    assertThat(epochs.find()).as("epochsCompleted in %s", manifest).isTrue();
    return Integer.parseInt(epochs.group(1));
  }
}
