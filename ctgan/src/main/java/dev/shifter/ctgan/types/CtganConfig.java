package dev.shifter.ctgan.types;

import dev.shifter.api.InvalidInputException;
import java.util.List;

/**
 * The settings of a CTGAN fit: the networks' architecture, the optimisation and the seed. They are
 * saved with the model, and a loaded model rebuilds its networks from them. {@link #defaults()} gives
 * the paper's settings (Xu et al. 2019 and its reference setting): batch 500, latent dimension 128, generator and critic
 * layers (256, 256), pac 10, gradient penalty weight 10, Adam with learning rate 2e-4, betas
 * (0.5, 0.9), L2 weight decay 1e-6, one critic step per generator step, Gumbel-softmax temperature
 * 0.2, LeakyReLU slope 0.2, dropout 0.5. One setting is ours, not the paper's: samples come from an
 * exponential moving average of the generator's weights (decay 0.999), which damps the oscillation of
 * adversarial training (Yazici et al. 2019, "The unusual effectiveness of averaging in GAN training");
 * {@link Builder#optGeneratorAveraging(float) optGeneratorAveraging(0)} samples from the last weights,
 * as the paper does.
 *
 * @param epochs the number of epochs (an epoch is {@code max(1, rows / batchSize)} steps)
 * @param batchSize rows per step; a multiple of {@code pac}
 * @param embeddingDim the dimension of the latent noise {@code z}
 * @param generatorDims the widths of the generator's residual layers
 * @param criticDims the widths of the critic's hidden layers (at least one)
 * @param pac the number of rows the critic sees together
 * @param gradientPenaltyWeight the WGAN-GP weight lambda
 * @param generatorLearningRate the generator's Adam learning rate
 * @param criticLearningRate the critic's Adam learning rate
 * @param beta1 Adam's first-moment decay (both networks)
 * @param beta2 Adam's second-moment decay (both networks)
 * @param generatorWeightDecay the generator's L2 weight decay
 * @param criticWeightDecay the critic's L2 weight decay
 * @param criticSteps critic steps per generator step
 * @param gumbelTau the Gumbel-softmax temperature
 * @param negativeSlope the critic's LeakyReLU slope
 * @param dropout the critic's dropout probability
 * @param generatorAveraging the decay of the moving average of the generator's weights that sampling
 *     uses, in [0, 1); 0 samples from the last weights. The decay at generator step {@code t} is
 *     {@code min(generatorAveraging, (1 + t) / (10 + t))}, so early weights are forgotten quickly
 * @param seed the seed of everything random in a fit: the transformer's mixtures and mode draws, the
 *     initial weights, and per epoch the noise, dropout and conditions (see {@code dev.shifter.ctgan.CtganTrainer})
 */
public record CtganConfig(
    int epochs, int batchSize, int embeddingDim, List<Integer> generatorDims,
    List<Integer> criticDims, int pac, float gradientPenaltyWeight, float generatorLearningRate,
    float criticLearningRate, float beta1, float beta2, float generatorWeightDecay,
    float criticWeightDecay, int criticSteps, float gumbelTau, float negativeSlope, float dropout,
    float generatorAveraging, long seed) {
  /** The default decay of the moving average of the generator's weights that sampling uses. */
  public static final float DEFAULT_GENERATOR_AVERAGING = 0.999f;

  /**
   * Copies the lists and checks the values.
   *
   * @throws InvalidInputException if a setting is out of range; the message says which and how to fix it
   */
  public CtganConfig {
    generatorDims = List.copyOf(generatorDims);
    criticDims = List.copyOf(criticDims);
    require(epochs >= 0, "epochs must be >= 0, got " + epochs);
    require(pac >= 1, "pac must be >= 1, got " + pac);
    require(batchSize >= pac && batchSize % pac == 0,
        "batch size " + batchSize + " must be a positive multiple of pac " + pac
            + " (the critic sees pac rows at a time): choose e.g. " + Math.max(pac, batchSize
                / pac * pac));
    require(embeddingDim >= 1, "embedding dimension must be >= 1, got " + embeddingDim);
    require(!criticDims.isEmpty(), "the critic needs at least one hidden layer: set criticDims");
    require(generatorDims.stream().allMatch(d -> d >= 1) && criticDims.stream().allMatch(d -> d >= 1),
        "layer widths must be >= 1, got generator " + generatorDims + ", critic " + criticDims);
    require(gradientPenaltyWeight >= 0f, "gradient penalty weight must be >= 0");
    require(generatorLearningRate > 0f && criticLearningRate > 0f, "learning rates must be > 0");
    require(beta1 >= 0f && beta1 < 1f && beta2 >= 0f && beta2 < 1f, "Adam betas must be in [0, 1)");
    require(generatorWeightDecay >= 0f && criticWeightDecay >= 0f, "weight decay must be >= 0");
    require(criticSteps >= 1, "critic steps must be >= 1, got " + criticSteps);
    require(gumbelTau > 0f, "Gumbel-softmax temperature must be > 0, got " + gumbelTau);
    require(dropout >= 0f && dropout < 1f, "dropout must be in [0, 1), got " + dropout);
    require(generatorAveraging >= 0f && generatorAveraging < 1f, "generator averaging must be in [0, 1) "
        + "(0 samples from the last weights, 0.999 is the default), got " + generatorAveraging);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new InvalidInputException("invalid CTGAN training setting: " + message);
    }
  }

  /**
   * Returns the paper's settings with 300 epochs and seed 0.
   *
   * @return the default configuration
   */
  public static CtganConfig defaults() {
    return builder().build();
  }

  /**
   * Returns a builder initialised with the paper's settings.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns this configuration with another number of epochs.
   *
   * @param value the number of epochs
   * @return the changed configuration
   */
  public CtganConfig withEpochs(int value) {
    return toBuilder().optEpochs(value).build();
  }

  /**
   * Returns this configuration with another seed.
   *
   * @param value the seed
   * @return the changed configuration
   */
  public CtganConfig withSeed(long value) {
    return toBuilder().optSeed(value).build();
  }

  /**
   * Returns a builder initialised with this configuration.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.epochs = epochs;
    b.batchSize = batchSize;
    b.embeddingDim = embeddingDim;
    b.generatorDims = generatorDims;
    b.criticDims = criticDims;
    b.pac = pac;
    b.gradientPenaltyWeight = gradientPenaltyWeight;
    b.generatorLearningRate = generatorLearningRate;
    b.criticLearningRate = criticLearningRate;
    b.beta1 = beta1;
    b.beta2 = beta2;
    b.generatorWeightDecay = generatorWeightDecay;
    b.criticWeightDecay = criticWeightDecay;
    b.criticSteps = criticSteps;
    b.gumbelTau = gumbelTau;
    b.negativeSlope = negativeSlope;
    b.dropout = dropout;
    b.generatorAveraging = generatorAveraging;
    b.seed = seed;
    return b;
  }

  /** Builds a {@link CtganConfig}; every setting is optional and starts at the paper's. */
  public static final class Builder {
    private int epochs = 300;
    private int batchSize = 500;
    private int embeddingDim = 128;
    private List<Integer> generatorDims = List.of(256, 256);
    private List<Integer> criticDims = List.of(256, 256);
    private int pac = 10;
    private float gradientPenaltyWeight = 10f;
    private float generatorLearningRate = 2e-4f;
    private float criticLearningRate = 2e-4f;
    private float beta1 = 0.5f;
    private float beta2 = 0.9f;
    private float generatorWeightDecay = 1e-6f;
    private float criticWeightDecay = 1e-6f;
    private int criticSteps = 1;
    private float gumbelTau = 0.2f;
    private float negativeSlope = 0.2f;
    private float dropout = 0.5f;
    private float generatorAveraging = DEFAULT_GENERATOR_AVERAGING;
    private long seed;

    private Builder() {}

    /**
     * Sets the number of epochs (default 300).
     *
     * @param value the number of epochs
     * @return this builder
     */
    public Builder optEpochs(int value) {
      epochs = value;
      return this;
    }

    /**
     * Sets the batch size, a multiple of pac (default 500).
     *
     * @param value rows per step
     * @return this builder
     */
    public Builder optBatchSize(int value) {
      batchSize = value;
      return this;
    }

    /**
     * Sets the latent dimension (default 128).
     *
     * @param value the dimension of z
     * @return this builder
     */
    public Builder optEmbeddingDim(int value) {
      embeddingDim = value;
      return this;
    }

    /**
     * Sets the generator's residual layer widths (default 256, 256).
     *
     * @param value the widths
     * @return this builder
     */
    public Builder optGeneratorDims(List<Integer> value) {
      generatorDims = List.copyOf(value);
      return this;
    }

    /**
     * Sets the critic's hidden layer widths (default 256, 256).
     *
     * @param value the widths
     * @return this builder
     */
    public Builder optCriticDims(List<Integer> value) {
      criticDims = List.copyOf(value);
      return this;
    }

    /**
     * Sets the number of rows the critic packs together (default 10).
     *
     * @param value pac
     * @return this builder
     */
    public Builder optPac(int value) {
      pac = value;
      return this;
    }

    /**
     * Sets the gradient penalty weight lambda (default 10).
     *
     * @param value lambda
     * @return this builder
     */
    public Builder optGradientPenaltyWeight(float value) {
      gradientPenaltyWeight = value;
      return this;
    }

    /**
     * Sets the generator's learning rate (default 2e-4).
     *
     * @param value the learning rate
     * @return this builder
     */
    public Builder optGeneratorLearningRate(float value) {
      generatorLearningRate = value;
      return this;
    }

    /**
     * Sets the critic's learning rate (default 2e-4).
     *
     * @param value the learning rate
     * @return this builder
     */
    public Builder optCriticLearningRate(float value) {
      criticLearningRate = value;
      return this;
    }

    /**
     * Sets Adam's moment decays for both networks (default 0.5, 0.9).
     *
     * @param first beta1
     * @param second beta2
     * @return this builder
     */
    public Builder optBetas(float first, float second) {
      beta1 = first;
      beta2 = second;
      return this;
    }

    /**
     * Sets the generator's L2 weight decay (default 1e-6).
     *
     * @param value the weight decay
     * @return this builder
     */
    public Builder optGeneratorWeightDecay(float value) {
      generatorWeightDecay = value;
      return this;
    }

    /**
     * Sets the critic's L2 weight decay (default 1e-6).
     *
     * @param value the weight decay
     * @return this builder
     */
    public Builder optCriticWeightDecay(float value) {
      criticWeightDecay = value;
      return this;
    }

    /**
     * Sets the number of critic steps per generator step (default 1).
     *
     * @param value critic steps
     * @return this builder
     */
    public Builder optCriticSteps(int value) {
      criticSteps = value;
      return this;
    }

    /**
     * Sets the Gumbel-softmax temperature (default 0.2).
     *
     * @param value tau
     * @return this builder
     */
    public Builder optGumbelTau(float value) {
      gumbelTau = value;
      return this;
    }

    /**
     * Sets the critic's LeakyReLU slope (default 0.2).
     *
     * @param value the slope for negative inputs
     * @return this builder
     */
    public Builder optNegativeSlope(float value) {
      negativeSlope = value;
      return this;
    }

    /**
     * Sets the critic's dropout probability (default 0.5).
     *
     * @param value the probability, in [0, 1)
     * @return this builder
     */
    public Builder optDropout(float value) {
      dropout = value;
      return this;
    }

    /**
     * Sets the decay of the moving average of the generator's weights that sampling uses (default
     * 0.999; 0 samples from the last weights, as the paper does).
     *
     * @param value the decay, in [0, 1)
     * @return this builder
     */
    public Builder optGeneratorAveraging(float value) {
      generatorAveraging = value;
      return this;
    }

    /**
     * Sets the seed (default 0).
     *
     * @param value the seed
     * @return this builder
     */
    public Builder optSeed(long value) {
      seed = value;
      return this;
    }

    /**
     * Checks the settings and builds the configuration.
     *
     * @return the configuration
     * @throws InvalidInputException if a setting is out of range
     */
    public CtganConfig build() {
      return new CtganConfig(
          epochs, batchSize, embeddingDim, generatorDims, criticDims, pac, gradientPenaltyWeight,
          generatorLearningRate, criticLearningRate, beta1, beta2, generatorWeightDecay,
          criticWeightDecay, criticSteps, gumbelTau, negativeSlope, dropout, generatorAveraging, seed);
    }
  }
}
