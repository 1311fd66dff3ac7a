package dev.shifter.ctgan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import dev.shifter.api.CategoricalBlock;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import dev.shifter.api.TableView;
import dev.shifter.ctgan.CtganTrainer;
import dev.shifter.ctgan.types.CtganConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CtganGeneratorAdapterTest {
  private static final int ROWS = 400;

  private static BufferAllocator allocator;
  private static NDManager manager;
  private static Generator network;
  private static FrozenGenerator generator;
  private static CtganGeneratorAdapter adapter;
  private static DataTransformer transformer;

  @TempDir
  static Path dir;

  @BeforeAll
  static void fitAndLoad() {
    allocator = new RootAllocator();
    try (Table data = table(allocator)) {
      CtganConfig config = CtganConfig.builder().optEpochs(3).optBatchSize(50).optEmbeddingDim(8)
          .optGeneratorDims(List.of(32, 32)).optCriticDims(List.of(32)).optSeed(2).build();
      CtganTrainer.builder().setData(data).optConfig(config).optCheckpointDir(dir.resolve("m")).build().fit().close();
    }
    ModelArtifact artifact = ModelFiles.read(dir.resolve("m"));
    CtganConfig config = artifact.manifest().config();
    transformer = DataTransformer.fromState(artifact.manifest().transformer());
    manager = NDManager.newBaseManager();
    network = Networks.generator(config, transformer.width(), transformer.condWidth());
    Networks.initialize(network, manager, config.batchSize());
    Networks.load(network, manager, artifact.state().generator(), "generator.params");
    generator = new FrozenGenerator(network, manager, config.embeddingDim(), transformer.condWidth());
    Critic critic = Networks.critic(config, transformer.width(), transformer.condWidth());
    Networks.initialize(critic, manager, config.batchSize(), transformer.width() + transformer.condWidth());
    Networks.load(critic, manager, artifact.state().critic(), "critic.params");
    FrozenCritic frozenCritic = new FrozenCritic(critic, manager,
        new OutputActivation(transformer.spans(), transformer.width()), config.gumbelTau(), transformer.condWidth());
    adapter = new CtganGeneratorAdapter(generator, frozenCritic, new GumbelDecoder(transformer, config.gumbelTau()),
        transformer, new CategoryFrequencies(transformer.discreteColumns(), artifact.manifest().categoryCounts(),
        "manifest"));
  }

  /** Continuous "x" (3 modes, one decimal) and "w" (20 % missing), categorical "g" and "h". */
  private static Table table(BufferAllocator allocator) {
    Random random = new Random(1);
    double[] x = new double[ROWS];
    double[] w = new double[ROWS];
    String[] g = new String[ROWS];
    String[] h = new String[ROWS];
    for (int i = 0; i < ROWS; i++) {
      int mode = random.nextInt(3);
      x[i] = Math.rint(10.0 * (10.0 * mode + random.nextGaussian())) / 10.0;
      w[i] = random.nextDouble() < 0.2 ? Double.NaN : 100 + 5 * random.nextGaussian();
      g[i] = mode == 0 ? "low" : "high";
      h[i] = random.nextBoolean() ? "s" : "t";
    }
    try (TableBuilder builder = new TableBuilder(allocator)) {
      return builder.addContinuous("x", x).addCategorical("g", g).addContinuous("w", w).addCategorical("h", h)
          .build();
    }
  }

  @AfterAll
  static void free() {
    adapter.close();
    manager.close();
    allocator.close();
  }

  @Test
  void theAdapterDescribesTheModel() {
    assertThat(adapter.latentDim()).isEqualTo(8);
    assertThat(adapter.condDim()).isEqualTo(4);
    assertThat(adapter.continuousColumns()).containsExactly("x", "w");
    try (NDManager step = manager.newSubManager()) {
      NDArray cond = adapter.sampleCondVec(step, 1000);
      assertThat(cond.getShape()).isEqualTo(new Shape(1000, 4));
      assertThat(cond.sum(new int[] {1}).toFloatArray()).containsOnly(1f);
    }
  }

  @Test
  void theDifferentiableForwardValuesEqualTheHardDecodeWithTheSameNoise() {
    int n = 2000;
    try (NDManager step = manager.newSubManager()) {
      Engine.getInstance().setRandomSeed(5);
      NDArray z = step.randomNormal(0f, 1f, new Shape(n, 8), DataType.FLOAT32);
      NDArray cond = adapter.sampleCondVec(step, n);
      Engine.getInstance().setRandomSeed(42);
      float[] soft;
      try (Table hard = adapter.generate(allocator, z, cond)) {
        Engine.getInstance().setRandomSeed(42);
        NDArray differentiable = adapter.generateDifferentiable(z, cond);
        assertThat(differentiable.getShape()).isEqualTo(new Shape(n, 2));
        float[] values = differentiable.toFloatArray();
        int missing = 0;
        for (int i = 0; i < n; i++) {
          assertThat(values[2 * i]).isCloseTo(hard.continuousValue("x", i).floatValue(), within(hard, "x", i));
          Double w = hard.continuousValue("w", i);
          if (w == null) {
            missing++;
            assertThat(values[2 * i + 1]).isFinite();
          } else {
            assertThat(values[2 * i + 1]).isCloseTo(w.floatValue(), within(hard, "w", i));
          }
        }
        assertThat(missing).as("rows whose w is drawn missing").isPositive();
        for (int i = 0; i < n; i++) {
          assertThat(values[2 * i] * 10f).as("x has one decimal, as in the data").isCloseTo(
              Math.round(values[2 * i] * 10f), offset(1e-3f));
        }
        soft = values;
      }
      Engine.getInstance().setRandomSeed(43);
      float[] otherNoise = adapter.generateDifferentiable(z, cond).toFloatArray();
      assertThat(otherNoise).isNotEqualTo(soft);
    }
  }

  private static Offset<Float> within(Table table, String column, int row) {
    double value = table.continuousValue(column, row);
    return offset((float) (1e-5 * Math.max(1.0, Math.abs(value))));
  }

  @Test
  void theGradientReachesZButNeverTheFrozenGenerator() {
    List<float[]> before = snapshot();
    try (NDManager step = manager.newSubManager()) {
      NDArray z = step.randomNormal(0f, 1f, new Shape(300, 8), DataType.FLOAT32);
      NDArray cond = adapter.sampleCondVec(step, 300);
      z.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray out = adapter.generateDifferentiable(z, cond);
        collector.backward(out.sum());
      }
      NDArray gradient = z.getGradient();
      assertThat(gradient.abs().sum().getFloat()).isPositive();
      assertThat(gradient.isInfinite().any().getBoolean()).isFalse();
    }
    List<float[]> after = snapshot();
    for (int i = 0; i < before.size(); i++) {
      assertThat(after.get(i)).isEqualTo(before.get(i));
    }
    for (Pair<String, Parameter> parameter : network.getParameters()) {
      assertThat(parameter.getValue().requiresGradient()).as(parameter.getKey()).isFalse();
      assertThat(parameter.getValue().getArray().hasGradient()).as(parameter.getKey()).isFalse();
    }
  }

  @Test
  void aValueClippedAtItsColumnsBoundHasNoGradientAndAValueInsideHasOne() {
    int n = 20_000;
    try (NDManager step = manager.newSubManager()) {
      Engine.getInstance().setRandomSeed(8);
      NDArray z = step.randomNormal(0f, 1f, new Shape(n, 8), DataType.FLOAT32);
      NDArray cond = adapter.sampleCondVec(step, n);
      z.setRequiresGradient(true);
      float[] w;
      float[] gradient;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray out = adapter.generateDifferentiable(z, cond);
        w = out.get(":, 1").toFloatArray();
        collector.backward(out.get(":, 1").sum());
      }
      gradient = z.getGradient().abs().sum(new int[] {1}).toFloatArray();
      float low = Float.POSITIVE_INFINITY;
      float high = Float.NEGATIVE_INFINITY;
      try (Table data = table(allocator)) {
        for (int i = 0; i < ROWS; i++) {
          Double value = data.continuousValue("w", i);
          if (value != null) {
            low = Math.min(low, value.floatValue());
            high = Math.max(high, value.floatValue());
          }
        }
      }
      int clipped = 0;
      int inside = 0;
      for (int i = 0; i < n; i++) {
        if (w[i] == low || w[i] == high) {
          clipped++;
          assertThat(gradient[i]).as("row %d, clipped to %s", i, w[i]).isZero();
        } else {
          inside++;
          assertThat(gradient[i]).as("row %d, inside the range at %s", i, w[i]).isPositive();
        }
      }
      assertThat(clipped).as("rows the generator put beyond w's range").isPositive();
      assertThat(inside).isGreaterThan(n / 2);
    }
  }

  @Test
  void theGeneratorRunsInInferenceModeSoARowDoesNotDependOnItsBatch() {
    try (NDManager step = manager.newSubManager()) {
      NDArray z = step.randomNormal(0f, 1f, new Shape(64, 8), DataType.FLOAT32);
      NDArray cond = adapter.sampleCondVec(step, 64);
      float[] batch = generator.logits(z, cond).get("0:1").toFloatArray();
      float[] alone = generator.logits(z.get("0:1"), cond.get("0:1")).toFloatArray();
      float[] shifted = generator.logits(z.add(2f), cond).get("0:1").toFloatArray();
      assertThat(alone).containsExactly(batch, offset(1e-4f));
      assertThat(shifted).isNotEqualTo(batch);
    }
  }

  @Test
  void theEncodedOutputIsTheDeterministicModeSpecificEncodingWithAGraphToZ() {
    try (NDManager step = manager.newSubManager()) {
      NDArray z = step.randomNormal(0f, 1f, new Shape(50, 8), DataType.FLOAT32);
      NDArray cond = adapter.sampleCondVec(step, 50);
      float[] first = adapter.generateEncoded(z, cond).toFloatArray();
      float[] second = adapter.generateEncoded(z, cond).toFloatArray();
      assertThat(second).isEqualTo(first);
      NDArray encoded = adapter.generateEncoded(z, cond);
      assertThat(encoded.getShape()).isEqualTo(new Shape(50, transformer.width()));
      float[] values = encoded.toFloatArray();
      List<OutputSpan> spans = transformer.spans();
      for (int i = 0; i < 50; i++) {
        for (OutputSpan span : spans) {
          float sum = 0;
          for (int j = 0; j < span.width(); j++) {
            float v = values[i * transformer.width() + span.offset() + j];
            assertThat(v).isBetween(span.activation() == Activation.TANH ? -1f : 0f, 1f);
            sum += v;
          }
          if (span.activation() == Activation.SOFTMAX) {
            assertThat(sum).isCloseTo(1f, offset(1e-5f));
          }
        }
      }
      z.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        collector.backward(adapter.generateEncoded(z, cond).square().sum());
      }
      assertThat(z.getGradient().abs().sum().getFloat()).isPositive();
    }
  }

  @Test
  void theViewsOneHotsAreTheCategoriesTheHardDecodeDrawsWithTheSameNoise() {
    int n = 2000;
    try (NDManager step = manager.newSubManager()) {
      Engine.getInstance().setRandomSeed(5);
      NDArray z = step.randomNormal(0f, 1f, new Shape(n, 8), DataType.FLOAT32);
      NDArray cond = adapter.sampleCondVec(step, n);
      Engine.getInstance().setRandomSeed(42);
      try (Table hard = adapter.generate(allocator, z, cond)) {
        Engine.getInstance().setRandomSeed(42);
        float[] continuous = adapter.generateDifferentiable(z, cond).toFloatArray();
        Engine.getInstance().setRandomSeed(42);
        TableView view = adapter.generateView(z, cond, "g");
        assertThat(view.gradients()).isTrue();
        assertThat(view.continuousNames()).containsExactly("x", "w");
        assertThat(view.continuous().toFloatArray()).containsExactly(continuous);
        assertThat(view.attributes()).containsExactly("x", "w", "h");
        CategoricalBlock label = view.requireLabel("test");
        assertThat(label.categories()).containsExactly("high", "low");
        assertThat(view.categorical()).extracting(CategoricalBlock::name).containsExactly("h");
        CategoricalBlock h = view.categorical().get(0);
        assertThat(h.categories()).containsExactly("s", "t");
        for (CategoricalBlock block : List.of(label, h)) {
          float[] oneHot = block.oneHot().toFloatArray();
          for (int i = 0; i < n; i++) {
            int drawn = block.indexOf(hard.categoricalValue(block.name(), i));
            for (int k = 0; k < block.size(); k++) {
              assertThat(oneHot[i * block.size() + k]).as("%s row %d", block.name(), i).isEqualTo(k == drawn ? 1f : 0f);
            }
          }
        }
      }
    }
  }

  @Test
  void theGradientOfACategoryShareIsThatOfTheGumbelSoftmaxRelaxation() {
    int n = 500;
    try (NDManager step = manager.newSubManager()) {
      Engine.getInstance().setRandomSeed(3);
      NDArray z = step.randomNormal(0f, 1f, new Shape(n, 8), DataType.FLOAT32);
      NDArray cond = adapter.sampleCondVec(step, n);
      z.setRequiresGradient(true);
      Engine.getInstance().setRandomSeed(9);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        CategoricalBlock g = adapter.generateView(z, cond, null).categorical("g").orElseThrow();
        collector.backward(g.oneHot().get(":, 1").mean());
      }
      float[] straightThrough = z.getGradient().toFloatArray();
      NDArray again = z.stopGradient().duplicate();
      again.setRequiresGradient(true);
      Engine.getInstance().setRandomSeed(9);
      float tau = CtganConfig.defaults().gumbelTau();
      DiscreteColumnInfo info = transformer.discreteColumns().get(0);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray logits = generator.logits(again, cond);
        NDArray uniform = step.randomUniform(GumbelDecoder.U_LOW, GumbelDecoder.U_HIGH,
            new Shape(n, transformer.width()), DataType.FLOAT32);
        NDArray perturbed = logits.add(uniform.log().neg().log().neg());
        NDArray block = perturbed.get(":, " + info.dataOffset() + ":" + (info.dataOffset() + 2));
        collector.backward(block.div(tau).softmax(1).get(":, 1").mean());
      }
      float[] relaxation = again.getGradient().toFloatArray();
      assertThat(straightThrough).containsExactly(relaxation, offset(1e-6f));
      assertThat(again.getGradient().abs().sum().getFloat()).as("the gradient reaches z").isGreaterThan(1e-4f);
    }
  }

  @Test
  void aLabelThatIsNotACategoricalColumnOfTheModelIsRefusedWithItsColumns() {
    try (NDManager step = manager.newSubManager()) {
      NDArray z = step.zeros(new Shape(4, 8));
      NDArray cond = step.zeros(new Shape(4, 4));
      assertThatThrownBy(() -> adapter.generateView(z, cond, "x")).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("continuous column").hasMessageContaining("categorical");
      assertThatThrownBy(() -> adapter.generateView(z, cond, "nope")).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("g, h");
    }
  }

  @Test
  void theConditionalProbabilitiesAreTheSamplersFrequencies() {
    double[] p = adapter.condProbabilities();
    assertThat(p).hasSize(4);
    assertThat(Arrays.stream(p).sum()).isCloseTo(1.0, offset(1e-12));
    try (NDManager step = manager.newSubManager()) {
      float[] mean = adapter.sampleCondVec(step, 40_000).mean(new int[] {0}).toFloatArray();
      for (int k = 0; k < 4; k++) {
        assertThat((double) mean[k]).as("entry %d", k).isCloseTo(p[k], offset(0.01));
      }
    }
  }

  @Test
  void inputsOfTheWrongShapeAreRefusedWithTheExpectedShape() {
    try (NDManager step = manager.newSubManager()) {
      NDArray z = step.zeros(new Shape(10, 7));
      NDArray cond = step.zeros(new Shape(10, 4));
      assertThatThrownBy(() -> adapter.generateDifferentiable(z, cond))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("n x 8");
      assertThatThrownBy(() -> adapter.generate(allocator, step.zeros(new Shape(10, 8)), step.zeros(new Shape(9, 4))))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("10 x 4");
    }
  }

  private static List<float[]> snapshot() {
    List<float[]> values = new ArrayList<>();
    for (Pair<String, Parameter> parameter : network.getParameters()) {
      values.add(parameter.getValue().getArray().toFloatArray());
    }
    return values;
  }
}
