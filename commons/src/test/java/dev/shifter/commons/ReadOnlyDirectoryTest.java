package dev.shifter.commons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shifter.api.testing.Unprivileged;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Directories that cannot be replaced for lack of permission are refused before anything is written,
 * and left exactly as they were. Runs the replacement in a process bound by file permissions (see
 * {@link Unprivileged}; skipped with a message where that is impossible).
 */
class ReadOnlyDirectoryTest {
  @TempDir
  Path dir;

  @AfterEach
  void makeWritableForCleanup() throws IOException {
    try (Stream<Path> tree = Files.walk(dir)) {
      for (Path path : tree.toList()) {
        if (Files.isDirectory(path)) {
          Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
      }
    }
  }

  @Test
  void aReadOnlyModelIsRefusedAndLeftExactlyAsItWas() throws Exception {
    Path model = Artifacts.create(dir.resolve("m"), ArtifactKind.CTGAN_MODEL, "old");
    Files.setPosixFilePermissions(model, PosixFilePermissions.fromString("r-xr-xr-x"));

    Result result = replace(model, ArtifactKind.CTGAN_MODEL, "new");

    assertThat(result.exit()).as(result.err()).isEqualTo(3);
    assertThat(result.err()).contains("cannot be replaced: it is not writable (permission denied)")
        .contains("chmod -R u+w");
    assertThat(Artifacts.payload(model, ArtifactKind.CTGAN_MODEL)).isEqualTo("old");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(model))).isEqualTo("r-xr-xr-x");
    assertThat(entries(dir)).containsExactly("m");
  }

  @Test
  void anEmptyReadOnlyFolderIsRefusedToo() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("e"));
    Files.setPosixFilePermissions(empty, PosixFilePermissions.fromString("r-xr-xr-x"));

    Result result = replace(empty, ArtifactKind.SHIFTER, "new");

    assertThat(result.exit()).as(result.err()).isEqualTo(3);
    assertThat(result.err()).contains("not writable");
    assertThat(entries(empty)).isEmpty();
    assertThat(entries(dir)).containsExactly("e");
  }

  @Test
  void aReadOnlyParentFolderIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path parent = Files.createDirectory(dir.resolve("p"));
    Path model = Artifacts.create(parent.resolve("m"), ArtifactKind.CTGAN_MODEL, "old");
    Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("r-xr-xr-x"));

    Result result = replace(model, ArtifactKind.CTGAN_MODEL, "new");

    assertThat(result.exit()).as(result.err()).isEqualTo(3);
    assertThat(result.err()).contains("the folder " + parent + " is not writable");
    assertThat(Artifacts.payload(model, ArtifactKind.CTGAN_MODEL)).isEqualTo("old");
    assertThat(entries(parent)).containsExactly("m");
  }

  @Test
  void aWritableModelIsReplacedByTheSameUnprivilegedProcess() throws Exception {
    Path model = Artifacts.create(dir.resolve("m"), ArtifactKind.CTGAN_MODEL, "old");

    Result result = replace(model, ArtifactKind.CTGAN_MODEL, "new");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(Artifacts.payload(model, ArtifactKind.CTGAN_MODEL)).isEqualTo("new");
  }

  private record Result(int exit, String err) {}

  private static Result replace(Path target, ArtifactKind kind, String payload) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        ReplaceMain.class.getName(), target.toString(), kind.name(), payload));
    Process process = new ProcessBuilder(Unprivileged.command(command)).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  private static List<String> entries(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
