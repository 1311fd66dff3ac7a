package dev.shifter.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shifter.api.ArtifactException;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.Regularizer;
import dev.shifter.api.Remedy;
import dev.shifter.api.Table;
import dev.shifter.shift.fixtures.MlpModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShifterArtifactTest {
  private static final MetaFeatureRegistry REGISTRY = MetaFeatureRegistry.loadInstalled();
  private static final Targets RANGE = Targets.parseRange("{\"mean\": {\"age\": [44, 52]}, \"sd\": {\"ratio\": 0.5}}");

  @TempDir
  static Path dir;
  private static LoadedGenerator model;
  private static BufferAllocator allocator;
  private static Path saved;

  @BeforeAll
  static void trainOnce() {
    allocator = new RootAllocator();
    model = MlpModels.open(MlpModels.write(dir.resolve("model"), 7));
    saved = dir.resolve("shifter");
    ShifterConfig config = ShifterConfig.builder().optSteps(120).optTrainSamples(300).optEvalSamples(600)
        .optEvalEvery(1000).optCheckpointEvery(50).optSeed(5).build();
    try (TrainedShifter shifter = ShifterTrainer.builder().setGenerator(model).setTargets(RANGE).optConfig(config)
        .optRegistry(REGISTRY).optOutputDirectory(saved).build().train()) {
      assertThat(shifter.steps()).isEqualTo(120);
    }
  }

  @AfterAll
  static void close() {
    model.close();
    allocator.close();
  }

  private static List<Object> rows(Table table) {
    List<Object> rows = new ArrayList<>();
    for (int i = 0; i < table.rowCount(); i++) {
      rows.add(List.of(table.continuousValue("age", i), table.categoricalValue("group", i),
          table.continuousValue("ratio", i), table.continuousValue("income", i)));
    }
    return rows;
  }

  @Test
  void theSavedDirectoryHasTheManifestParametersAndChecksums() throws Exception {
    assertThat(Files.list(saved).map(p -> p.getFileName().toString()).sorted().toList())
        .containsExactly("adam.bin", "checksums.sha256", "delta.params", "encoder.params", "manifest.json");
    String manifest = Files.readString(saved.resolve("manifest.json"));
    assertThat(manifest).contains("\"format\" : \"shifter-latent-shift\"", "\"format_version\" : 3",
        "\"status\" : \"complete\"", "\"scale\"", "\"unshifted\"", "\"seed\" : 5", "\"java\"", "\"os\"",
        model.model().fingerprint());
    assertThat(TrainedShifter.trainedModel(saved)).isEqualTo(model.model());
  }

  @Test
  void aLoadedShifterGeneratesTheSameRowsAsTheSavedOne() {
    Targets target = Targets.parse("{\"mean\": {\"age\": 48}, \"sd\": {\"ratio\": 0.5}}");
    try (TrainedShifter loaded = TrainedShifter.load(saved, model);
        TrainedShifter again = TrainedShifter.load(saved, model);
        ShiftedTable first = loaded.generate(allocator, 300, 9, target);
        ShiftedTable second = again.generate(allocator, 300, 9, target);
        ShiftedTable other = again.generate(allocator, 300, 10, target)) {
      assertThat(loaded.isComplete()).isTrue();
      assertThat(loaded.targets()).isEqualTo(RANGE);
      assertThat(loaded.summary()).isPresent();
      assertThat(loaded.scales()).hasSize(2).allMatch(s -> s > 0);
      assertThat(rows(first.table())).isEqualTo(rows(second.table()));
      assertThat(rows(first.table())).isNotEqualTo(rows(other.table()));
      assertThat(first.report()).isEqualTo(second.report());
    }
  }

  @Test
  void savingALoadedShifterAgainKeepsItLoadable() {
    Path copy = dir.resolve("copy");
    try (TrainedShifter loaded = TrainedShifter.load(saved, model)) {
      loaded.save(copy);
    }
    try (TrainedShifter reloaded = TrainedShifter.load(copy, model)) {
      assertThat(reloaded.steps()).isEqualTo(120);
    }
  }

  @Test
  void theSavedShifterRecordsItsLossCurveAtEveryStep() {
    try (TrainedShifter loaded = TrainedShifter.load(saved, model)) {
      List<StepLoss> history = loaded.lossHistory();
      assertThat(history).hasSize(120);
      assertThat(history).extracting(StepLoss::step)
          .containsExactlyElementsOf(IntStream.rangeClosed(1, 120).boxed().toList());
      for (StepLoss point : history) {
        assertThat(point.terms()).containsExactly(entry("meta_loss", point.terms().get("meta_loss")),
            entry("latent_reg", point.terms().get("latent_reg")),
            entry("feature_space_reg", point.terms().get("feature_space_reg")),
            entry("marginal_reg", point.terms().get("marginal_reg")));
        ShifterConfig defaults = ShifterConfig.defaults();
        double weighted = point.terms().get("meta_loss") + defaults.lambdaZ() * point.terms().get("latent_reg")
            + defaults.lambdaX() * point.terms().get("feature_space_reg")
            + defaults.lambdaMarginal() * point.terms().get("marginal_reg");
        assertThat(point.loss()).isCloseTo(weighted, within(1e-5 * Math.max(1, weighted)));
      }
      assertThat(history.subList(0, 119)).as("no evaluation before the last step (eval_every 1000)")
          .allSatisfy(point -> assertThat(point.worstRelativeError()).isNaN());
      assertThat(history.get(119).worstRelativeError()).as("the last step evaluates").isFinite().isNotNegative();
      assertThat(history.get(history.size() - 1).terms().get("meta_loss"))
          .isLessThan(history.get(0).terms().get("meta_loss"));
      SavedShifter inspected = TrainedShifter.inspect(saved);
      assertThat(inspected.lossHistory()).isEqualTo(history);
      assertThat(inspected.steps()).isEqualTo(120);
      assertThat(inspected.complete()).isTrue();
      assertThat(inspected.targets()).isEqualTo(RANGE);
      assertThat(inspected.config().seed()).isEqualTo(5);
      assertThat(inspected.model()).isEqualTo(model.model());
    }
  }

  @Test
  void aFormatOneDirectoryWithoutALossCurveStillLoads() throws Exception {
    Path old = dir.resolve("format-1");
    try (TrainedShifter loaded = TrainedShifter.load(saved, model)) {
      loaded.save(old);
    }
    ObjectNode manifest = (ObjectNode) new ObjectMapper().readTree(old.resolve("manifest.json").toFile());
    manifest.remove("history");
    manifest.put("format_version", 1);
    byte[] bytes = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
    Files.write(old.resolve("manifest.json"), bytes);
    String checksums = Files.readString(old.resolve("checksums.sha256"));
    String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    Files.writeString(old.resolve("checksums.sha256"), checksums.replaceAll("[0-9a-f]{64}  manifest.json",
        sum + "  manifest.json"));

    try (TrainedShifter loaded = TrainedShifter.load(old, model)) {
      assertThat(loaded.lossHistory()).isEmpty();
      assertThat(loaded.steps()).isEqualTo(120);
    }
    assertThat(TrainedShifter.inspect(old).lossHistory()).isEmpty();
  }

  @Test
  void aShifterRefusesAnotherModel() {
    try (LoadedGenerator other = MlpModels.open(MlpModels.write(dir.resolve("other-model"), 8))) {
      assertThatThrownBy(() -> TrainedShifter.load(saved, other))
          .isInstanceOf(ArtifactException.class)
          .hasMessageContaining("was trained against the model at " + model.model().location())
          .hasMessageContaining("has fingerprint " + other.model().shortFingerprint())
          .hasMessageContaining("Use the model the Shifter was trained against");
    }
  }

  @Test
  void aTargetOutsideTheTrainedRangeIsRefused() {
    try (TrainedShifter loaded = TrainedShifter.load(saved, model)) {
      assertThatThrownBy(() -> loaded.generate(allocator, 10, 1,
          Targets.parse("{\"mean\": {\"age\": 60}, \"sd\": {\"ratio\": 0.5}}")))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("mean[age] = 60.0 is outside the trained range [44.0, 52.0]");
      assertThatThrownBy(() -> loaded.generate(allocator, 10, 1, Targets.parse("{\"mean\": {\"age\": 50}}")))
          .hasMessageContaining("no value for sd[ratio]");
      assertThatThrownBy(() -> loaded.generate(allocator, 10, 1))
          .hasMessageContaining("trained for a range of targets");
    }
  }

  @Test
  void aDamagedFileIsNamed() throws Exception {
    Path copy = dir.resolve("damaged");
    try (TrainedShifter loaded = TrainedShifter.load(saved, model)) {
      loaded.save(copy);
    }
    byte[] bytes = Files.readAllBytes(copy.resolve("delta.params"));
    bytes[bytes.length / 2] ^= 1;
    Files.write(copy.resolve("delta.params"), bytes);

    assertThatThrownBy(() -> TrainedShifter.load(copy, model))
        .isInstanceOf(ArtifactException.class)
        .hasMessageContaining(copy.resolve("delta.params") + " does not match its checksum");
  }

  @Test
  void trainingResumesFromTheCheckpointInTheOutputDirectory() {
    Path resumed = dir.resolve("resumed");
    ShifterConfig config = ShifterConfig.builder().optSteps(60).optTrainSamples(300).optEvalSamples(600)
        .optEvalEvery(1000).optCheckpointEvery(50).optSeed(5).build();
    try (TrainedShifter first = ShifterTrainer.builder().setGenerator(model).setTargets(RANGE).optConfig(config)
        .optRegistry(REGISTRY).optOutputDirectory(resumed).build().train()) {
      assertThat(first.steps()).isEqualTo(60);
    }
    List<Integer> steps = new ArrayList<>();
    try (TrainedShifter second = ShifterTrainer.builder().setGenerator(model).setTargets(RANGE)
        .optConfig(config.toBuilder().optSteps(90).build()).optRegistry(REGISTRY).optOutputDirectory(resumed)
        .optResume(true).optListener(r -> steps.add(r.step())).build().train()) {
      assertThat(second.steps()).isEqualTo(90);
      assertThat(second.summary().orElseThrow().stepsThisRun()).isEqualTo(30);
    }
    assertThat(steps).first().isEqualTo(61);
    try (TrainedShifter resumedShifter = TrainedShifter.load(resumed, model)) {
      assertThat(resumedShifter.lossHistory()).extracting(StepLoss::step)
          .containsExactlyElementsOf(IntStream.rangeClosed(1, 90).boxed().toList());
    }
    assertThatThrownBy(() -> ShifterTrainer.builder().setGenerator(model).setTargets(RANGE)
        .optConfig(config.toBuilder().optLambdaZ(0.5).build()).optRegistry(REGISTRY).optOutputDirectory(resumed)
        .optResume(true).build().train())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("lambda_z 0.01 (now 0.5)");
  }

  @Test
  void aCheckpointRecordsItsRegularizersAndResumesOnlyWithTheSame() throws Exception {
    Path resumed = dir.resolve("resumed-regularizers");
    Regularizer smooth = Regularizer.of("smooth_shift", c -> c.shiftedZ().sub(c.z()).square().mean());
    ShifterConfig config = ShifterConfig.builder().optSteps(20).optTrainSamples(200).optEvalSamples(400)
        .optEvalEvery(1000).optCheckpointEvery(10).optSeed(4).build();
    try (TrainedShifter first = ShifterTrainer.builder().setGenerator(model).setTargets(RANGE).optConfig(config)
        .optRegistry(REGISTRY).optOutputDirectory(resumed).addRegularizer(0.5, smooth).build().train()) {
      assertThat(first.steps()).isEqualTo(20);
    }
    assertThat(Files.readString(resumed.resolve("manifest.json")).replaceAll("\\s+", ""))
        .contains("\"regularizers\":[{\"name\":\"latent_reg\",\"weight\":0.01}",
            "{\"name\":\"smooth_shift\",\"weight\":0.5}");

    ShifterTrainer.Builder without = ShifterTrainer.builder().setGenerator(model).setTargets(RANGE)
        .optConfig(config.toBuilder().optSteps(30).build()).optRegistry(REGISTRY).optOutputDirectory(resumed)
        .optResume(true);
    assertThatThrownBy(() -> without.build().train())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("was trained with the regularizers [latent_reg=0.01, feature_space_reg=1.0, "
            + "marginal_reg=1.0, smooth_shift=0.5], not [latent_reg=0.01, feature_space_reg=1.0, marginal_reg=1.0]")
        .extracting(e -> ((InvalidInputException) e).remedies()).asList()
        .containsExactly(Remedy.set(Remedy.Setting.REGULARIZER, "smooth_shift=0.5"));
    try (TrainedShifter second = without.addRegularizer(0.5, smooth).build().train()) {
      assertThat(second.steps()).isEqualTo(30);
    }
  }

  @Test
  void aResumedLossHistoryHasAWorstErrorAtEveryStepAfterTheFirstEvaluation() {
    Path resumed = dir.resolve("resumed-worst");
    ShifterConfig config = ShifterConfig.builder().optSteps(30).optTrainSamples(200).optEvalSamples(400)
        .optEvalEvery(20).optCheckpointEvery(1000).optSeed(3).build();
    train(config, resumed, false);
    train(config.toBuilder().optSteps(70).build(), resumed, true);

    try (TrainedShifter loaded = TrainedShifter.load(resumed, model)) {
      List<StepLoss> history = loaded.lossHistory();
      assertThat(history).extracting(StepLoss::step).contains(30, 31, 39, 70);
      assertThat(history.stream().filter(p -> p.step() >= 20).map(StepLoss::worstRelativeError))
          .as("worst relative error from the first evaluation (step 20) on, across the resume at step 30")
          .allSatisfy(e -> assertThat(e).isFinite());
    }
  }

  /**
   * Both parts end on their last step's weights (a tolerance of 1,000 % puts every entry within it, so no
   * earlier evaluation or the identity is kept instead): a run that ends on kept weights resumes from them.
   */
  @Test
  void resumingTheSameStepsGivesTheSameParametersAsTrainingStraightThrough() throws Exception {
    Path straight = dir.resolve("straight");
    Path split = dir.resolve("split");
    ShifterConfig config = ShifterConfig.builder().optSteps(40).optTrainSamples(200).optEvalSamples(400)
        .optEvalEvery(1000).optCheckpointEvery(1000).optTolerance(10).optSeed(2).build();
    train(config, straight, false);
    train(config.toBuilder().optSteps(25).build(), split, false);
    train(config, split, true);

    assertThat(Files.readAllBytes(split.resolve("delta.params")))
        .isEqualTo(Files.readAllBytes(straight.resolve("delta.params")));
    assertThat(Files.readAllBytes(split.resolve("encoder.params")))
        .isEqualTo(Files.readAllBytes(straight.resolve("encoder.params")));
  }

  private static void train(ShifterConfig config, Path output, boolean resume) {
    try (TrainedShifter ignored = ShifterTrainer.builder().setGenerator(model).setTargets(RANGE).optConfig(config)
        .optRegistry(REGISTRY).optOutputDirectory(output).optResume(resume).build().train()) {
      assertThat(ignored.steps()).isEqualTo(config.steps());
    }
  }

  @Test
  void aDirectoryThatIsNotAShifterIsNeverReplaced() throws Exception {
    Path precious = dir.resolve("precious");
    Files.createDirectories(precious);
    Files.writeString(precious.resolve("notes.txt"), "keep me");

    try (TrainedShifter loaded = TrainedShifter.load(saved, model)) {
      assertThatThrownBy(() -> loaded.save(precious))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("holds other files (notes.txt), not a Shifter directory, so it was not replaced");
    }
    assertThat(Files.readString(precious.resolve("notes.txt"))).isEqualTo("keep me");
  }
}
