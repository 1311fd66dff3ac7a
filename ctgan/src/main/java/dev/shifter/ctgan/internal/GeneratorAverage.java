package dev.shifter.ctgan.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;

/**
 * An exponential moving average of every parameter of a {@link Generator}, BatchNorm running
 * statistics included, which is what a fitted model samples from. Adversarial training does not settle:
 * from one epoch to the next the generator swings around the data's distribution (on Adult the share
 * of {@code >50K} rows goes between 0.14 and 0.37 against the data's 0.24), and the average of recent
 * weights sits nearer the middle of the swing than any one of them (Yazici et al. 2019, "The unusual
 * effectiveness of averaging in GAN training").
 *
 * <p>After generator step {@code t} (counted from 1) the average moves towards the live weights by
 * {@code 1 - d} with {@code d = min(decay, (1 + t) / (10 + t))}: the first steps are forgotten quickly
 * and later ones are weighted over about {@code 1 / (1 - decay)} steps. The average lives in a second
 * generator, which the training never runs, so averaging does not change the training's trajectory.
 */
final class GeneratorAverage {
  private final Generator averaged;
  private final List<Parameter> live;
  private final float decay;

  /**
   * Starts the average at the generator's current weights.
   *
   * @param generator the generator being trained, initialised
   * @param averaged a generator of the same architecture, initialised, that will hold the average
   * @param manager the manager that owns {@code averaged}'s parameters
   * @param decay the largest decay, in (0, 1)
   */
  GeneratorAverage(Generator generator, Generator averaged, NDManager manager, float decay) {
    this.averaged = averaged;
    this.live = generator.getParameters().values();
    this.decay = decay;
    Networks.load(averaged, manager, Networks.save(generator), "the generator's weight average");
  }

  /**
   * Moves the average towards the generator's current weights.
   *
   * @param step the number of generator steps taken so far, at least 1
   */
  void update(long step) {
    float d = (float) Math.min(decay, (1.0 + step) / (10.0 + step));
    List<Parameter> averages = averaged.getParameters().values();
    for (int i = 0; i < live.size(); i++) {
      NDArray average = averages.get(i).getArray();
      try (NDArray difference = live.get(i).getArray().sub(average)) {
        average.addi(difference.muli(1f - d));
      }
    }
  }

  /**
   * Replaces the average by saved parameters.
   *
   * @param manager the manager that owns the averaged generator's parameters
   * @param bytes what {@link #save} wrote
   * @param file the file the bytes come from, for messages
   */
  void load(NDManager manager, byte[] bytes, String file) {
    Networks.load(averaged, manager, bytes, file);
  }

  /**
   * Returns the averaged parameters in the format of {@link Networks#save}, which a generator of the
   * same architecture loads.
   *
   * @return the bytes
   */
  byte[] save() {
    return Networks.save(averaged);
  }
}
