package dev.shifter.commons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a path holds, as far as writing a Shifter directory there is concerned: nothing, a file, an
 * empty directory, a directory of one of the {@link ArtifactKind kinds} (complete or not), or other
 * files.
 *
 * @param state which of these it is
 * @param kind the kind, for {@link State#ARTIFACT}
 * @param entries up to {@link #LISTED} names of the directory's entries, sorted, for messages
 * @param entryCount the number of entries in the directory
 */
public record DirectoryContents(State state, @Nullable ArtifactKind kind, List<String> entries, int entryCount) {
  /** How many entry names are kept for messages. */
  public static final int LISTED = 3;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a path holds. */
  public enum State {
    /** Nothing exists at the path. */
    MISSING,
    /** A file (or anything else that is not a directory). */
    FILE,
    /** An empty directory. */
    EMPTY,
    /** A directory of a known kind (its manifest or checksums say which). */
    ARTIFACT,
    /** A directory with files that belong to no Shifter directory. */
    OTHER
  }

  /** Copies the list. */
  public DirectoryContents {
    entries = List.copyOf(entries);
  }

  /**
   * Looks at a path. A directory is of a kind when its manifest names that kind's format, or, when the
   * manifest is missing or unreadable, when its checksums file lists the kind's
   * {@link ArtifactKind#signatureFile() signature file}.
   *
   * @param path the path
   * @return what it holds
   */
  public static DirectoryContents of(Path path) {
    if (!Files.exists(path)) {
      return new DirectoryContents(State.MISSING, null, List.of(), 0);
    }
    if (!Files.isDirectory(path)) {
      return new DirectoryContents(State.FILE, null, List.of(), 0);
    }
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(path)) {
      for (Path entry : stream) {
        names.add(String.valueOf(entry.getFileName()));
      }
    } catch (IOException e) {
      return new DirectoryContents(State.OTHER, null, List.of("(unreadable: " + e.getMessage() + ")"), 1);
    }
    names.sort(null);
    List<String> listed = names.subList(0, Math.min(LISTED, names.size()));
    if (names.isEmpty()) {
      return new DirectoryContents(State.EMPTY, null, List.of(), 0);
    }
    Optional<ArtifactKind> kind = kindFromManifest(path.resolve(ArtifactKind.MANIFEST))
        .or(() -> kindFromChecksums(path.resolve(ArtifactKind.CHECKSUMS)));
    return kind.map(k -> new DirectoryContents(State.ARTIFACT, k, listed, names.size()))
        .orElseGet(() -> new DirectoryContents(State.OTHER, null, listed, names.size()));
  }

  /**
   * Tells whether this is a directory of the given kind.
   *
   * @param expected the kind
   * @return true for {@link State#ARTIFACT} of that kind
   */
  public boolean is(ArtifactKind expected) {
    return state == State.ARTIFACT && kind == expected;
  }

  /**
   * Describes what the path holds, for messages: "a Shifter directory (written by ...)", "files that
   * belong to no Shifter directory (a.csv, b.txt, ... 7 entries)", "an empty directory", "a file".
   *
   * @return the description
   */
  public String describe() {
    return switch (state) {
      case MISSING -> "nothing";
      case FILE -> "a file";
      case EMPTY -> "an empty directory";
      case ARTIFACT -> kind == null ? "a Shifter directory" : kind.described();
      case OTHER -> "other files (" + String.join(", ", entries)
          + (entryCount > entries.size() ? ", ... " + entryCount + " entries in all" : "") + ")";
    };
  }

  private static Optional<ArtifactKind> kindFromManifest(Path manifest) {
    if (!Files.isRegularFile(manifest)) {
      return Optional.empty();
    }
    try {
      JsonNode tree = JSON.readTree(manifest.toFile());
      return tree == null ? Optional.empty() : ArtifactKind.ofFormat(tree.path("format").asText(""));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<ArtifactKind> kindFromChecksums(Path checksums) {
    if (!Files.isRegularFile(checksums)) {
      return Optional.empty();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(checksums, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    for (ArtifactKind kind : ArtifactKind.values()) {
      for (String line : lines) {
        if (line.strip().endsWith(" " + kind.signatureFile()) || line.strip().endsWith("*" + kind.signatureFile())) {
          return Optional.of(kind);
        }
      }
    }
    return Optional.empty();
  }
}
