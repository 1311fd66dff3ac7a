package dev.shifter.commons;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small directories that look like Shifter's own, for the tests. */
final class Artifacts {
  private Artifacts() {}

  /** Writes the manifest and checksums of a directory of the given kind, plus a payload file. */
  static void writeInto(Path dir, ArtifactKind kind, String payload) throws IOException {
    Files.writeString(dir.resolve(ArtifactKind.MANIFEST), "{\"format\": \"" + kind.format() + "\", \"payload\": \""
        + payload + "\"}", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(kind.signatureFile()), payload, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(ArtifactKind.CHECKSUMS), Sha256.of(payload.getBytes(StandardCharsets.UTF_8)) + "  "
        + kind.signatureFile() + "\n", StandardCharsets.UTF_8);
  }

  /** Creates a directory of the given kind. */
  static Path create(Path dir, ArtifactKind kind, String payload) throws IOException {
    Files.createDirectories(dir);
    writeInto(dir, kind, payload);
    return dir;
  }

  /** Reads the payload a directory holds. */
  static String payload(Path dir, ArtifactKind kind) throws IOException {
    return Files.readString(dir.resolve(kind.signatureFile()), StandardCharsets.UTF_8);
  }
}
