package dev.shifter.commons;

import dev.shifter.api.ShifterException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Replaces a directory in a process of its own, so that a test can run it bound by file permissions
 * ({@link dev.shifter.api.testing.Unprivileged}): {@code ReplaceMain DIR KIND PAYLOAD} writes a
 * directory of that kind and prints the error message and exits with 3 if it is refused.
 */
public final class ReplaceMain {
  private ReplaceMain() {}

  /**
   * Runs one replacement.
   *
   * @param args the directory, the kind's name and the payload
   * @throws IOException never: the content's failures are the library's to report
   */
  public static void main(String[] args) throws IOException {
    ArtifactKind kind = ArtifactKind.valueOf(args[1]);
    try {
      AtomicDirectory.replace(Path.of(args[0]), kind, temp -> Artifacts.writeInto(temp, kind, args[2]));
    } catch (ShifterException e) {
      System.err.println(e.getMessage());
      System.exit(3);
    }
  }
}
