package dev.shifter.ctgan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import dev.shifter.api.GeneratorAdapter;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.RealismCritic;
import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import dev.shifter.ctgan.CtganModel;
import dev.shifter.ctgan.CtganTrainer;
import dev.shifter.ctgan.types.CtganConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CTGAN adapter as a frozen {@link RealismCritic}, on a small model fitted for 30 short epochs. */
class CtganRealismCriticTest {
  private static final int ROWS = 1000;
  private static final int LATENT = 8;
  private static final int PAC = 10;

  private static BufferAllocator allocator;
  private static NDManager manager;
  private static Generator generatorNet;
  private static Critic criticNet;
  private static FrozenCritic critic;
  private static CtganGeneratorAdapter adapter;
  private static DataTransformer transformer;
  private static EncodedData encoded;

  @TempDir
  static Path dir;

  @BeforeAll
  static void fitAndLoad() {
    allocator = new RootAllocator();
    try (Table data = table(allocator)) {
      CtganConfig config = CtganConfig.builder().optEpochs(30).optBatchSize(100).optEmbeddingDim(LATENT)
          .optGeneratorDims(List.of(32, 32)).optCriticDims(List.of(32, 32)).optPac(PAC)
          .optGeneratorLearningRate(2e-3f).optCriticLearningRate(2e-3f).optSeed(3).build();
      CtganTrainer.builder().setData(data).optConfig(config).optCheckpointDir(dir.resolve("m")).build().fit().close();
      ModelArtifact artifact = ModelFiles.read(dir.resolve("m"));
      CtganConfig training = artifact.manifest().config();
      transformer = DataTransformer.fromState(artifact.manifest().transformer());
      encoded = transformer.transform(data, 5);
      manager = NDManager.newBaseManager();
      int width = transformer.width();
      int condWidth = transformer.condWidth();
      generatorNet = Networks.generator(training, width, condWidth);
      Networks.initialize(generatorNet, manager, training.batchSize());
      Networks.load(generatorNet, manager, artifact.state().generator(), "generator.params");
      criticNet = Networks.critic(training, width, condWidth);
      Networks.initialize(criticNet, manager, training.batchSize(), width + condWidth);
      Networks.load(criticNet, manager, artifact.state().critic(), "critic.params");
      critic = new FrozenCritic(criticNet, manager, new OutputActivation(transformer.spans(), width),
          training.gumbelTau(), condWidth);
      adapter = new CtganGeneratorAdapter(new FrozenGenerator(generatorNet, manager, LATENT, condWidth), critic,
          new GumbelDecoder(transformer, training.gumbelTau()), transformer,
          new CategoryFrequencies(transformer.discreteColumns(), artifact.manifest().categoryCounts(), "manifest"));
    }
  }

  /** Continuous "x" (two modes) and "y" (correlated with x), categorical "g" (tied to x's mode). */
  private static Table table(BufferAllocator allocator) {
    Random random = new Random(1);
    double[] x = new double[ROWS];
    double[] y = new double[ROWS];
    String[] g = new String[ROWS];
    for (int i = 0; i < ROWS; i++) {
      boolean high = random.nextDouble() < 0.4;
      x[i] = (high ? 30 : 10) + 2 * random.nextGaussian();
      y[i] = 0.5 * x[i] + random.nextGaussian();
      g[i] = high ? "h" : random.nextBoolean() ? "a" : "b";
    }
    try (TableBuilder builder = new TableBuilder(allocator)) {
      return builder.addContinuous("x", x).addCategorical("g", g).addContinuous("y", y).build();
    }
  }

  @AfterAll
  static void free() {
    adapter.close();
    manager.close();
    allocator.close();
  }

  @Test
  void theModelsAdapterIsItsCriticAndScoresAsTheInternalOne() {
    try (CtganModel model = CtganModel.load(dir.resolve("m")); NDManager step = manager.newSubManager()) {
      GeneratorAdapter loaded = model.adapter();
      assertThat(loaded).isInstanceOf(RealismCritic.class);
      RealismCritic loadedCritic = (RealismCritic) loaded;
      assertThat(loadedCritic.criticGroupSize()).isEqualTo(PAC);
      NDArray z = step.randomNormal(0f, 1f, new Shape(200, LATENT), DataType.FLOAT32);
      NDArray cond = adapter.sampleCondVec(step, 200);
      NDArray noise = adapter.sampleCriticNoise(step, 200);
      assertThat(noise.getShape()).isEqualTo(new Shape(200, transformer.width()));

      float[] ours = adapter.criticScores(z, cond, noise).toFloatArray();
      float[] theirs = loadedCritic.criticScores(z, cond, noise).toFloatArray();

      assertThat(ours).hasSize(200 / PAC).containsExactly(theirs);
    }
  }

  @Test
  void realAndGeneratedRowsScoreHigherThanGarbageRows() {
    int n = 1000;
    Random random = new Random(7);
    try (NDManager step = manager.newSubManager()) {
      ConditionalBatch batch = new ConditionalSampler(encoded).sampleTrain(n, random);
      NDArray cond = batch.condArray(step);
      NDArray real = step.create(realRows(batch.realRow()), new Shape(n, transformer.width()));
      NDArray garbage = step.create(garbageRows(n, random), new Shape(n, transformer.width()));
      NDArray z = step.randomNormal(0f, 1f, new Shape(n, LATENT), DataType.FLOAT32);

      float realScore = critic.scoreRows(real, cond).mean().getFloat();
      float garbageScore = critic.scoreRows(garbage, cond).mean().getFloat();
      float generatedScore = adapter.criticScores(z, cond, adapter.sampleCriticNoise(step, n)).mean().getFloat();

      assertThat(realScore).as("real rows vs garbage rows").isGreaterThan(garbageScore);
      assertThat(generatedScore).as("generated rows vs garbage rows").isGreaterThan(garbageScore);
    }
  }

  private static float[] realRows(int[] rows) {
    int width = encoded.width();
    float[] out = new float[rows.length * width];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(encoded.values(), rows[i] * width, out, i * width, width);
    }
    return out;
  }

  /**
   * Rows of the encoded shape that the data does not have: each scalar at -1 or +1 (4 standard
   * deviations from its mode's mean), each one-hot block on a slot drawn uniformly, whatever the rest
   * of the row says.
   */
  private static float[] garbageRows(int n, Random random) {
    int width = transformer.width();
    float[] out = new float[n * width];
    for (int i = 0; i < n; i++) {
      for (OutputSpan span : transformer.spans()) {
        int slot = random.nextInt(span.width());
        for (int j = 0; j < span.width(); j++) {
          boolean scalar = span.activation() == Activation.TANH;
          out[i * width + span.offset() + j] = scalar ? (random.nextBoolean() ? 1f : -1f) : (j == slot ? 1f : 0f);
        }
      }
    }
    return out;
  }

  @Test
  void theSameNoiseGivesTheSameScoresBecauseTheCriticHasNoDropout() {
    try (NDManager step = manager.newSubManager()) {
      NDArray z = step.randomNormal(0f, 1f, new Shape(105, LATENT), DataType.FLOAT32);
      NDArray cond = adapter.sampleCondVec(step, 105);
      NDArray noise = adapter.sampleCriticNoise(step, 105);

      float[] first = adapter.criticScores(z, cond, noise).toFloatArray();
      float[] second = adapter.criticScores(z, cond, noise).toFloatArray();
      float[] otherNoise = adapter.criticScores(z, cond, adapter.sampleCriticNoise(step, 105)).toFloatArray();
      float[] firstGroups = adapter.criticScores(z.get("0:100"), cond.get("0:100"), noise.get("0:100"))
          .toFloatArray();

      assertThat(first).hasSize(10).containsExactly(second);
      assertThat(otherNoise).isNotEqualTo(first);
      assertThat(firstGroups).as("the 5 rows after the last group of 10 are left out").containsExactly(first);
    }
  }

  @Test
  void theGradientReachesZButNeitherTheCriticNorTheGenerator() {
    byte[] criticBefore = Networks.save(criticNet);
    byte[] generatorBefore = Networks.save(generatorNet);
    int n = 500;
    try (NDManager step = manager.newSubManager()) {
      Engine.getInstance().setRandomSeed(11);
      NDArray z = step.randomNormal(0f, 1f, new Shape(n, LATENT), DataType.FLOAT32);
      NDArray cond = adapter.sampleCondVec(step, n);
      NDArray noise = adapter.sampleCriticNoise(step, n);
      NDArray delta = step.zeros(new Shape(1, LATENT));
      delta.setRequiresGradient(true);
      float start = adapter.criticScores(z, cond, noise).mean().getFloat();
      for (int i = 0; i < 30; i++) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          collector.backward(adapter.criticScores(z.add(delta), cond, noise).mean().neg());
        }
        NDArray gradient = delta.getGradient();
        assertThat(gradient.isNaN().any().getBoolean() || gradient.isInfinite().any().getBoolean()).isFalse();
        assertThat(gradient.abs().sum().getFloat()).isPositive();
        delta = delta.sub(gradient.mul(0.1f)).stopGradient();
        delta.setRequiresGradient(true);
      }
      float end = adapter.criticScores(z.add(delta), cond, noise).mean().getFloat();
      assertThat(end).as("following the gradient raises the critic's score").isGreaterThan(start);
    }
    assertThat(Networks.save(criticNet)).isEqualTo(criticBefore);
    assertThat(Networks.save(generatorNet)).isEqualTo(generatorBefore);
    assertNoGradients(criticNet);
    assertNoGradients(generatorNet);
  }

  private static void assertNoGradients(Block block) {
    for (Pair<String, Parameter> parameter : block.getParameters()) {
      assertThat(parameter.getValue().requiresGradient()).as(parameter.getKey()).isFalse();
      assertThat(parameter.getValue().getArray().hasGradient()).as(parameter.getKey()).isFalse();
    }
  }

  @Test
  void tooFewRowsOrNoiseOfTheWrongShapeAreRefusedWithTheFix() {
    try (NDManager step = manager.newSubManager()) {
      NDArray z = step.randomNormal(0f, 1f, new Shape(20, LATENT), DataType.FLOAT32);
      NDArray cond = adapter.sampleCondVec(step, 20);
      assertThatThrownBy(() -> adapter.criticScores(z.get("0:5"), cond.get("0:5"), adapter.sampleCriticNoise(step, 5)))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("groups of 10 rows")
          .hasMessageContaining("at least 10");
      assertThatThrownBy(() -> adapter.criticScores(z, cond, adapter.sampleCriticNoise(step, 19)))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("sampleCriticNoise(manager, 20)");
    }
  }
}
