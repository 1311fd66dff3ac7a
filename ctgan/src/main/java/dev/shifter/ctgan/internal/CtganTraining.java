package dev.shifter.ctgan.internal;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.shifter.api.ArtifactException;
import dev.shifter.commons.Adam;
import dev.shifter.commons.Seeds;
import dev.shifter.ctgan.types.CtganConfig;
import dev.shifter.ctgan.types.FitListener;
import dev.shifter.ctgan.types.FitProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * CTGAN's adversarial training (Xu et al. 2019, WGAN-GP with PacGAN, training-by-sampling and the
 * conditional loss) of a {@link Generator} and a {@link Critic} on encoded data.
 *
 * <p>One step is {@code criticSteps} critic steps and one generator step, each in its own
 * {@link NDManager#newSubManager() sub-manager} that is closed at the end of the step, with at most
 * one {@link GradientCollector} open at a time:
 *
 * <ul>
 *   <li>Critic step: draw conditions (a discrete column uniformly, a category by log-frequency),
 *       generate fake rows {@code tanh/Gumbel-softmax(G(z ⊕ cond))} without a graph
 *       ({@code stopGradient}), take real rows that have the conditioned categories, shuffled
 *       together with their conditional vectors as in the paper, and minimise
 *       {@code -(mean D(real ⊕ cond') - mean D(fake ⊕ cond)) + GP}, the penalty on interpolates
 *       between the packed real and fake inputs (one mixing weight per packed row) with the critic's
 *       input gradient written by hand ({@link CriticPass}). Real, fake and interpolated rows go
 *       through the critic in one pass (each row with its own dropout mask), which costs fewer
 *       operations than three passes.
 *   <li>Generator step: the critic's parameters are frozen; with fresh conditions and noise,
 *       minimise {@code -mean D(fake ⊕ cond)} plus the cross-entropy of the generator's logits on
 *       the conditioned column ({@link ConditionalLoss}).
 * </ul>
 *
 * <p>Each network has its own {@link Adam} that updates only that network's parameters and
 * zeroes their gradients afterwards, so a critic step never moves the generator and vice versa, and
 * no gradient leaks from one step into the next. The run is reproducible for a given seed and
 * thread count: the constructor seeds the engine's generator (initial weights), and the first step of
 * every epoch reseeds both the engine's generator (noise, dropout) and the {@link Random} of the
 * conditions, real rows and shuffles from {@code (seed, epoch)}. The state at an epoch boundary is
 * therefore the networks' parameters (BatchNorm running statistics included), the optimizers' states
 * and the epoch count, all of which {@link #snapshot()} captures: a run restored from a snapshot with
 * {@link #restore} continues exactly as the uninterrupted run would have (same thread count). Other
 * users of the engine's generator during an epoch would change the draws.
 *
 * <p>Where the configuration asks for it ({@link CtganConfig#generatorAveraging()}), a
 * {@link GeneratorAverage} follows the generator's weights after every generator step, and the snapshot's
 * generator is that average (the live weights are kept beside it for resuming).
 *
 * <p>The networks' parameters live in the manager passed in (they outlive the training); the
 * optimizers' moments and the parameter store live in a sub-manager that {@link #close()} frees.
 */
public final class CtganTraining implements AutoCloseable {
  private static final float ADAM_EPSILON = 1e-8f;
  /** The layout of the optimizer files: "SHAD" (Shifter Adam), then layout version 1. */
  private static final Adam.StateFormat ADAM_STATE = new Adam.StateFormat(0x53484144, 1, "this model",
      "Restore the model directory from a backup, or fit the model again without resuming.");

  private final EncodedData data;
  private final CtganConfig config;
  private final ConditionalSampler sampler;
  private final OutputActivation activation;
  private final ConditionalLoss conditionalLoss;
  private final NDManager trainingManager;
  private final ParameterStore parameterStore;
  private final Generator generator;
  private final Critic critic;
  private final List<Parameter> generatorParameters;
  private final List<Parameter> criticParameters;
  private final Adam generatorOptimizer;
  private final Adam criticOptimizer;
  private final NDManager modelManager;
  private final @Nullable GeneratorAverage average;
  private Random random;
  private boolean stepped;
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private final int stepsPerEpoch;
  private int completedEpochs;
  private int stepInEpoch;

  /**
   * Seeds the random generators and creates and initialises both networks.
   *
   * @param data the encoded training data
   * @param config the training settings
   * @param modelManager the manager that will own the networks' parameters
   */
  public CtganTraining(EncodedData data, CtganConfig config, NDManager modelManager) {
    this.data = data;
    this.config = config;
    this.sampler = new ConditionalSampler(data);
    this.activation = new OutputActivation(data.spans(), data.width());
    this.conditionalLoss = new ConditionalLoss(data.discrete(), data.condWidth());
    this.stepsPerEpoch = Math.max(1, data.rows() / config.batchSize());
    long seed = config.seed();
    Engine.getInstance().setRandomSeed(Seeds.fold(seed));
    this.random = new Random(seed);

    int condWidth = data.condWidth();
    this.generator = Networks.generator(config, data.width(), condWidth);
    Networks.initialize(generator, modelManager, config.batchSize());
    this.critic = Networks.critic(config, data.width(), condWidth);
    Networks.initialize(critic, modelManager, config.batchSize(), data.width() + condWidth);
    this.generatorParameters = trainable(generator);
    this.criticParameters = trainable(critic);

    this.modelManager = modelManager;
    this.trainingManager = modelManager.newSubManager();
    this.parameterStore = new ParameterStore(trainingManager, false);
    this.generatorOptimizer = new Adam(generatorParameters, trainingManager, new Adam.Settings(
        config.generatorLearningRate(), config.beta1(), config.beta2(), ADAM_EPSILON, config.generatorWeightDecay()),
        ADAM_STATE);
    this.criticOptimizer = new Adam(criticParameters, trainingManager, new Adam.Settings(
        config.criticLearningRate(), config.beta1(), config.beta2(), ADAM_EPSILON, config.criticWeightDecay()),
        ADAM_STATE);
    if (config.generatorAveraging() > 0f) {
      Generator averaged = Networks.generator(config, data.width(), condWidth);
      Networks.initialize(averaged, trainingManager, config.batchSize());
      this.average = new GeneratorAverage(generator, averaged, trainingManager, config.generatorAveraging());
    } else {
      this.average = null;
    }
  }

  private static List<Parameter> trainable(Block block) {
    List<Parameter> parameters = new ArrayList<>();
    for (Parameter parameter : block.getParameters().values()) {
      if (parameter.requiresGradient()) {
        parameters.add(parameter);
      }
    }
    return List.copyOf(parameters);
  }

  /**
   * Returns the generator being trained.
   *
   * @return the generator
   */
  public Generator generator() {
    return generator;
  }

  /**
   * Returns the critic being trained.
   *
   * @return the critic
   */
  public Critic critic() {
    return critic;
  }

  /**
   * Returns the generator's trainable parameters (BatchNorm running statistics excluded).
   *
   * @return the parameters the generator's optimizer updates
   */
  public List<Parameter> generatorParameters() {
    return generatorParameters;
  }

  /**
   * Returns the critic's trainable parameters.
   *
   * @return the parameters the critic's optimizer updates
   */
  public List<Parameter> criticParameters() {
    return criticParameters;
  }

  /**
   * Returns the conditional sampler built from the training data.
   *
   * @return the sampler
   */
  public ConditionalSampler sampler() {
    return sampler;
  }

  /**
   * Returns the settings.
   *
   * @return the configuration
   */
  public CtganConfig config() {
    return config;
  }

  /**
   * Returns the number of steps in an epoch: {@code max(1, rows / batchSize)}.
   *
   * @return steps per epoch
   */
  public int stepsPerEpoch() {
    return stepsPerEpoch;
  }

  /**
   * Returns the number of epochs completed so far.
   *
   * @return completed epochs
   */
  public int completedEpochs() {
    return completedEpochs;
  }

  /**
   * Asks {@link #train} to return before its next step. Safe to call from any thread (e.g. a
   * shutdown hook); the request stays in force.
   */
  public void requestStop() {
    stopRequested.set(true);
  }

  /**
   * Trains until {@link CtganConfig#epochs()} epochs are completed or a stop is requested.
   * Calling it again after a stop request returns at once.
   *
   * @param listener told about every step and every completed epoch
   * @return the number of epochs completed
   */
  public int train(FitListener listener) {
    while (completedEpochs < config.epochs()) {
      if (stopRequested.get()) {
        break;
      }
      int epoch = completedEpochs;
      FitProgress report = step();
      listener.onStep(report);
      if (completedEpochs > epoch) {
        listener.onEpochEnd(completedEpochs, config.epochs());
      }
    }
    return completedEpochs;
  }

  /**
   * Runs one training step: {@code criticSteps} critic steps, then one generator step.
   *
   * @return the step's losses and position
   */
  public FitProgress step() {
    if (stepInEpoch == 0) {
      reseed(completedEpochs);
    }
    stepped = true;
    float[] criticLosses = new float[2];
    for (int k = 0; k < config.criticSteps(); k++) {
      criticLosses = criticStep();
    }
    float generatorLoss = generatorStep();
    FitProgress report = new FitProgress(completedEpochs, config.epochs(), stepInEpoch, stepsPerEpoch,
        config.batchSize(), generatorLoss, criticLosses[0], criticLosses[1]);
    if (++stepInEpoch == stepsPerEpoch) {
      stepInEpoch = 0;
      completedEpochs++;
    }
    return report;
  }

  private void reseed(int epoch) {
    long epochSeed = Seeds.derive(config.seed(), epoch);
    Engine.getInstance().setRandomSeed(Seeds.fold(epochSeed));
    random = new Random(Seeds.derive(epochSeed, 1));
  }

  /**
   * Returns the number of steps taken in the current, unfinished epoch.
   *
   * @return 0 at an epoch boundary
   */
  public int stepInEpoch() {
    return stepInEpoch;
  }

  /**
   * Captures the networks' parameters and the optimizers' states, e.g. for a checkpoint.
   *
   * @return the state as the bytes of the model directory's files
   */
  public NetworkState snapshot() {
    byte[] live = Networks.save(generator);
    GeneratorAverage averaged = average;
    return averaged == null
        ? new NetworkState(live, Networks.save(critic), generatorOptimizer.save(), criticOptimizer.save(), null)
        : new NetworkState(averaged.save(), Networks.save(critic), generatorOptimizer.save(),
            criticOptimizer.save(), live);
  }


  /**
   * Continues from a snapshot taken at an epoch boundary: loads both networks and both optimizers and
   * sets the epoch count. Call it before the first step.
   *
   * @param state a snapshot of a run with the same data and configuration
   * @param epochs the number of epochs completed when the snapshot was taken
   * @param files the names of the state's five files, for messages: generator (sampled from), critic,
   *     generator optimizer, critic optimizer, live generator
   * @throws ArtifactException if the state does not fit these networks
   * @throws IllegalStateException if training has already taken a step
   */
  public void restore(NetworkState state, int epochs, List<String> files) {
    if (stepped) {
      throw new IllegalStateException("restore must come before the first training step");
    }
    byte @Nullable [] live = state.liveGenerator();
    Networks.load(generator, modelManager, state.trainingGenerator(), files.get(live != null ? 4 : 0));
    GeneratorAverage averaged = average;
    if (averaged != null) {
      averaged.load(trainingManager, state.generator(), files.get(0));
    }
    Networks.load(critic, modelManager, state.critic(), files.get(1));
    setFrozen(generatorParameters, false);
    setFrozen(criticParameters, false);
    generatorOptimizer.load(state.generatorAdam(), files.get(2));
    criticOptimizer.load(state.criticAdam(), files.get(3));
    completedEpochs = epochs;
    stepInEpoch = 0;
  }


  /**
   * Runs one critic step and updates the critic.
   *
   * @return the Wasserstein loss and the gradient penalty
   */
  float[] criticStep() {
    int n = config.batchSize();
    try (NDManager step = trainingManager.newSubManager()) {
      ConditionalBatch fakeConditions = sampler.sampleTrain(n, random);
      ConditionalBatch realConditions = fakeConditions.permuted(permutation(n));
      NDArray fakeCond = fakeConditions.condArray(step);
      NDArray fake = activation.activate(generate(step, fakeCond), config.gumbelTau())
          .stopGradient();
      NDArray real = step.create(rowsOf(realConditions.realRow()), new Shape(n, data.width()));
      NDArray realPacked = critic.pack(withCond(real, realConditions.condArray(step)));
      NDArray fakePacked = critic.pack(withCond(fake, fakeCond));
      float[] losses = new float[2];
      long m = realPacked.getShape().get(0);
      NDArray alpha = step.randomUniform(0f, 1f, new Shape(m, 1));
      NDArray interpolates = fakePacked.add(realPacked.sub(fakePacked).mul(alpha));
      NDArray all = NDArrays.concat(new NDList(realPacked, fakePacked, interpolates));
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        // one pass over real, fake and interpolated rows: fewer operations than three passes
        CriticPass pass = critic.pass(parameterStore, all, true);
        NDArray penalty =
            GradientPenalty.of(pass.rows(2 * m, 3 * m), config.gradientPenaltyWeight());
        NDArray scores = pass.output();
        NDArray wasserstein = scores.get("{}:{}", m, 2 * m).mean()
            .sub(scores.get("{}:{}", 0, m).mean());
        collector.backward(wasserstein.add(penalty));
        losses[0] = wasserstein.getFloat();
        losses[1] = penalty.getFloat();
      }
      criticOptimizer.step();
      return losses;
    }
  }

  /**
   * Runs one generator step with the critic frozen and updates the generator.
   *
   * @return the generator's loss
   */
  float generatorStep() {
    int n = config.batchSize();
    setFrozen(criticParameters, true);
    try (NDManager step = trainingManager.newSubManager()) {
      NDArray cond = sampler.sampleTrain(n, random).condArray(step);
      float loss;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray logits = generate(step, cond);
        NDArray fake = activation.activate(logits, config.gumbelTau());
        CriticPass onFake = critic.pass(parameterStore, critic.pack(withCond(fake, cond)), true);
        NDArray total = onFake.output().mean().neg();
        if (data.condWidth() > 0) {
          total = total.add(conditionalLoss.of(logits, cond));
        }
        collector.backward(total);
        loss = total.getFloat();
      }
      generatorOptimizer.step();
      GeneratorAverage averaged = average;
      if (averaged != null) {
        averaged.update(generatorOptimizer.steps());
      }
      return loss;
    } finally {
      setFrozen(criticParameters, false);
    }
  }

  private NDArray generate(NDManager step, NDArray cond) {
    NDArray z = step.randomNormal(
        0f, 1f, new Shape(cond.getShape().get(0), config.embeddingDim()), DataType.FLOAT32);
    NDArray input = withCond(z, cond);
    return generator.forward(parameterStore, new NDList(input), true).singletonOrThrow();
  }

  private static NDArray withCond(NDArray rows, NDArray cond) {
    return cond.getShape().get(1) == 0 ? rows : rows.concat(cond, 1);
  }

  private static void setFrozen(List<Parameter> parameters, boolean frozen) {
    for (Parameter parameter : parameters) {
      parameter.freeze(frozen);
    }
  }

  private float[] rowsOf(int[] rows) {
    int width = data.width();
    float[] values = data.values();
    float[] out = new float[rows.length * width];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(values, rows[i] * width, out, i * width, width);
    }
    return out;
  }

  private int[] permutation(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** Frees the optimizers' state and the parameter store; the networks stay usable. */
  @Override
  public void close() {
    generatorOptimizer.close();
    criticOptimizer.close();
    trainingManager.close();
  }
}
