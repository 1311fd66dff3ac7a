package dev.shifter.ctgan;

import dev.shifter.ctgan.internal.CtganTrainingConfig;

/** Converts between the public {@link CtganConfig} and the internal training configuration. */
final class ConfigMapping {
  private ConfigMapping() {}

  static CtganTrainingConfig toInternal(CtganConfig c) {
    return new CtganTrainingConfig(c.epochs(), c.batchSize(), c.embeddingDim(), c.generatorDims(), c.criticDims(),
        c.pac(), c.gradientPenaltyWeight(), c.generatorLearningRate(), c.criticLearningRate(), c.beta1(), c.beta2(),
        c.generatorWeightDecay(), c.criticWeightDecay(), c.criticSteps(), c.gumbelTau(), c.negativeSlope(),
        c.dropout(), c.seed());
  }

  static CtganConfig toPublic(CtganTrainingConfig c) {
    return new CtganConfig(c.epochs(), c.batchSize(), c.embeddingDim(), c.generatorDims(), c.criticDims(),
        c.pac(), c.gradientPenaltyWeight(), c.generatorLearningRate(), c.criticLearningRate(), c.beta1(), c.beta2(),
        c.generatorWeightDecay(), c.criticWeightDecay(), c.criticSteps(), c.gumbelTau(), c.negativeSlope(),
        c.dropout(), c.seed());
  }
}
