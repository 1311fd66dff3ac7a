package dev.shifter.ctgan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shifter.api.ArtifactException;
import dev.shifter.api.ColumnKind;
import dev.shifter.api.ColumnSpec;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Remedy;
import dev.shifter.api.Table;
import dev.shifter.commons.Sha256;
import dev.shifter.ctgan.types.EpochLoss;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CtganModelTest {
  private static BufferAllocator allocator;
  private static CtganModel model;

  @TempDir
  Path dir;

  @BeforeAll
  static void fit() {
    allocator = new RootAllocator();
    try (Table data = TestTables.easy(allocator, 300, 1)) {
      model = CtganTrainer.builder().setData(data).optConfig(TestTables.tiny().optEpochs(2).build()).optSeed(3)
          .build().fit();
    }
  }

  @AfterAll
  static void close() {
    model.close();
    allocator.close();
  }

  @Test
  void theSameSeedGivesTheSameRowsAndAnotherSeedOtherRows() {
    String first = sample(model, 500, 7);
    assertThat(sample(model, 500, 7)).isEqualTo(first);
    assertThat(sample(model, 500, 8)).isNotEqualTo(first);
  }

  @Test
  void aSampleHasTheTrainingSchemaAndTheAskedRowCount() {
    try (Table table = model.sample(allocator, 9000, 1)) {
      assertThat(table.rowCount()).isEqualTo(9000);
      assertThat(table.columns()).containsExactly(new ColumnSpec("x", ColumnKind.CONTINUOUS),
          new ColumnSpec("a", ColumnKind.CATEGORICAL), new ColumnSpec("b", ColumnKind.CATEGORICAL),
          new ColumnSpec("y", ColumnKind.CONTINUOUS), new ColumnSpec("c", ColumnKind.CATEGORICAL));
      assertThat(table.categoricalValue("a", 8999)).isIn("p", "q");
      assertThat(table.continuous("x").getNullCount()).isZero();
    }
    try (Table empty = model.sample(allocator, 0, 1)) {
      assertThat(empty.rowCount()).isZero();
    }
  }

  @Test
  void theModelRecordsTheMeanLossesOfEachEpochAndKeepsThemWhenSaved() {
    List<EpochLoss> history = model.lossHistory();
    assertThat(history).extracting(EpochLoss::epoch).containsExactly(1, 2);
    assertThat(history).allSatisfy(e -> {
      assertThat(e.generatorLoss()).isFinite();
      assertThat(e.criticLoss()).isFinite();
      assertThat(e.gradientPenalty()).isFinite().isNotNegative();
    });
    model.save(dir.resolve("h"));
    try (CtganModel loaded = CtganModel.load(dir.resolve("h"))) {
      assertThat(loaded.lossHistory()).isEqualTo(history);
    }
  }

  @Test
  void theFirstRowsOfALargerSampleEqualASmallerSampleWithTheSameSeed() {
    String small = sample(model, 100, 5);
    String large = sample(model, 10_000, 5);
    assertThat(large).startsWith(small);
  }

  @Test
  void saveLoadAndSampleGivesTheRowsOfTheModelBeforeSaving() {
    model.save(dir.resolve("m"));
    try (CtganModel loaded = CtganModel.load(dir.resolve("m"))) {
      assertThat(sample(loaded, 700, 11)).isEqualTo(sample(model, 700, 11));
      assertThat(sample(loaded, 300, Condition.of("b", "w"), 2))
          .isEqualTo(sample(model, 300, Condition.of("b", "w"), 2));
      assertThat(loaded.config()).isEqualTo(model.config());
      assertThat(loaded.config().seed()).isEqualTo(3);
      assertThat(loaded.epochsCompleted()).isEqualTo(2);
      assertThat(loaded.columns()).isEqualTo(model.columns());
    }
  }

  @Test
  void theModelDirectoryHasTheDocumentedFilesAndChecksums() throws IOException {
    model.save(dir.resolve("m"));
    try (var files = Files.list(dir.resolve("m"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("manifest.json",
          "generator.params", "generator-live.params", "critic.params", "generator-adam.bin", "critic-adam.bin",
          "checksums.sha256");
    }
    List<String> lines = Files.readAllLines(dir.resolve("m/checksums.sha256"));
    assertThat(lines).hasSize(6);
    for (String line : lines) {
      String[] parts = line.split(" {2}");
      assertThat(Sha256.of(Files.readAllBytes(dir.resolve("m").resolve(parts[1])))).isEqualTo(parts[0]);
    }
    String manifest = Files.readString(dir.resolve("m/manifest.json"));
    assertThat(manifest).contains("\"format\" : \"shifter-ctgan-model\"", "\"formatVersion\" : 2", "\"seed\" : 3",
        "\"transformer\"", "\"categoryCounts\"", "\"epochsCompleted\" : 2", "\"java\"", "\"os\"", "\"arch\"",
        "\"djl\"", "\"library\"");
    try (var siblings = Files.list(dir)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("m");
    }
  }

  @Test
  void aDamagedManifestIsRefusedWithAMessageNamingTheFile() throws IOException {
    Path saved = dir.resolve("m");
    model.save(saved);
    Path manifest = saved.resolve("manifest.json");
    byte[] bytes = Files.readAllBytes(manifest);
    int at = new String(bytes, StandardCharsets.UTF_8).indexOf("\"epochsCompleted\" : 2") + 20;
    bytes[at] = '3';
    Files.write(manifest, bytes);

    assertThatThrownBy(() -> CtganModel.load(saved))
        .isInstanceOf(ArtifactException.class)
        .hasMessageContaining(manifest.toString())
        .hasMessageContaining("damaged")
        .hasMessageContaining("fit the model again");
  }

  @Test
  void aMissingParameterFileIsRefusedWithAMessageNamingIt() throws IOException {
    Path saved = dir.resolve("m");
    model.save(saved);
    Files.delete(saved.resolve("generator.params"));

    assertThatThrownBy(() -> CtganModel.load(saved))
        .isInstanceOf(ArtifactException.class)
        .hasMessageContaining(saved.resolve("generator.params").toString())
        .hasMessageContaining("missing");
  }

  @Test
  void aModelWrittenInTheFirstFormatStillLoadsAndSamples() throws IOException {
    Path saved = dir.resolve("m");
    model.save(saved);
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = (ObjectNode) json.readTree(saved.resolve("manifest.json").toFile());
    root.put("formatVersion", 1);
    for (JsonNode column : root.path("transformer").path("columns")) {
      ((ObjectNode) column).remove(List.of("range", "decimals"));
    }
    rewriteManifest(saved, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));

    try (CtganModel loaded = CtganModel.load(saved); Table table = loaded.sample(allocator, 500, 4)) {
      assertThat(table.rowCount()).isEqualTo(500);
      assertThat(loaded.epochsCompleted()).isEqualTo(2);
    }
  }

  @Test
  void aModelWrittenBeforeWeightAveragingLoadsAndSamplesFromItsOnlyGenerator() throws IOException {
    Path saved = dir.resolve("m");
    model.save(saved);
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = (ObjectNode) json.readTree(saved.resolve("manifest.json").toFile());
    ((ObjectNode) root.path("config")).remove("generatorAveraging");
    rewriteManifest(saved, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    Files.copy(saved.resolve("generator-live.params"), saved.resolve("generator.params"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.delete(saved.resolve("generator-live.params"));
    Path checksums = saved.resolve("checksums.sha256");
    byte[] live = Files.readAllBytes(saved.resolve("generator.params"));
    Files.write(checksums, Files.readAllLines(checksums).stream()
        .filter(l -> !l.endsWith("generator-live.params"))
        .map(l -> l.endsWith("  generator.params") ? Sha256.of(live) + "  generator.params" : l)
        .toList());

    try (CtganModel loaded = CtganModel.load(saved); Table table = loaded.sample(allocator, 300, 4)) {
      assertThat(loaded.config().generatorAveraging()).isZero();
      assertThat(table.rowCount()).isEqualTo(300);
    }
  }

  @Test
  void anAveragedModelWithoutItsLiveGeneratorIsRefusedAsIncomplete() throws IOException {
    Path saved = dir.resolve("m");
    model.save(saved);
    Files.delete(saved.resolve("generator-live.params"));
    Path checksums = saved.resolve("checksums.sha256");
    Files.write(checksums, Files.readAllLines(checksums).stream()
        .filter(l -> !l.endsWith("generator-live.params")).toList());

    assertThatThrownBy(() -> CtganModel.load(saved))
        .isInstanceOf(ArtifactException.class)
        .hasMessageContaining("lists no generator-live.params")
        .hasMessageContaining("fit the model again");
  }

  /** Replaces the manifest and its checksum, as if the directory had been written with this text. */
  private static void rewriteManifest(Path saved, String text) throws IOException {
    Files.writeString(saved.resolve("manifest.json"), text);
    Path checksums = saved.resolve("checksums.sha256");
    List<String> lines = Files.readAllLines(checksums).stream()
        .map(l -> l.endsWith("manifest.json") ? Sha256.of(text.getBytes(StandardCharsets.UTF_8)) + "  manifest.json"
            : l)
        .toList();
    Files.write(checksums, lines);
  }

  @Test
  void aManifestOfANewerFormatIsRefusedEvenWithValidChecksums() throws IOException {
    Path saved = dir.resolve("m");
    model.save(saved);
    Path manifest = saved.resolve("manifest.json");
    rewriteManifest(saved, Files.readString(manifest).replace("\"formatVersion\" : 2", "\"formatVersion\" : 3"));

    assertThatThrownBy(() -> CtganModel.load(saved))
        .isInstanceOf(ArtifactException.class)
        .hasMessageContaining("format version 3")
        .hasMessageContaining("Upgrade Shifter");
  }

  @Test
  void aMissingDirectoryIsRefusedWithTheWayToMakeOne() {
    assertThatThrownBy(() -> CtganModel.load(dir.resolve("nothing")))
        .isInstanceOf(ArtifactException.class)
        .hasMessageContaining("no such model directory")
        .hasMessageContaining("fit a model first (CtganTrainer")
        .extracting(e -> ((ArtifactException) e).remedies()).asList()
        .containsExactly(Remedy.set(Remedy.Setting.MODEL_FOLDER));
  }

  @Test
  void aReplacementInterruptedBetweenItsTwoRenamesIsExplainedWithTheWayBack() throws IOException {
    model.save(dir.resolve("m"));
    Files.move(dir.resolve("m"), dir.resolve(".m.old-1234"));

    assertThatThrownBy(() -> CtganModel.load(dir.resolve("m")))
        .isInstanceOf(ArtifactException.class)
        .hasMessageContaining("a save was interrupted")
        .hasMessageContaining("Rename .m.old-1234 to m");
  }

  @Test
  void savingReplacesAModelButNeverADirectoryThatIsNotAModel() throws IOException {
    Path saved = dir.resolve("m");
    model.save(saved);
    model.save(saved);
    try (CtganModel loaded = CtganModel.load(saved)) {
      assertThat(loaded.epochsCompleted()).isEqualTo(2);
    }

    Path other = Files.createDirectories(dir.resolve("documents"));
    Files.writeString(other.resolve("letter.txt"), "keep me");
    assertThatThrownBy(() -> model.save(other))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("holds other files (letter.txt), not a CTGAN model directory");
    assertThat(Files.readString(other.resolve("letter.txt"))).isEqualTo("keep me");
  }

  @Test
  void anUnknownConditionIsRefusedWithTheValidChoices() {
    assertThatThrownBy(() -> model.sample(allocator, 10, Condition.of("c", "k9")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("k9").hasMessageContaining("k1, k2, k3, k4");
    assertThatThrownBy(() -> model.sample(allocator, 10, Condition.of("zzz", "p")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("zzz").hasMessageContaining("a, b, c");
    assertThatThrownBy(() -> model.sample(allocator, 10, Condition.of("x", "1")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'x' is continuous").hasMessageContaining("a, b, c");
  }

  private static String sample(CtganModel m, int n, long seed) {
    try (Table table = m.sample(allocator, n, seed)) {
      return TestTables.dump(table);
    }
  }

  private static String sample(CtganModel m, int n, Condition condition, long seed) {
    try (Table table = m.sample(allocator, n, condition, seed)) {
      return TestTables.dump(table);
    }
  }
}
