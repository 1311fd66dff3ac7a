package dev.shifter.bench;

import dev.shifter.ctgan.types.CtganConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The matrix products of one CTGAN training step (one critic step and one generator step, as
 * {@code CtganTraining} runs them), counted from the networks' shapes: almost all of a step's
 * floating-point work. Elementwise work (activations, BatchNorm, dropout masks, Adam) is left out,
 * so a floor built on these products is a lower bound.
 *
 * <p>A product is an {@code rows x inner} matrix times an {@code inner x cols} one, {@code 2 * rows
 * * inner * cols} floating-point operations. The backward pass of a linear layer on {@code r} rows
 * from {@code in} to {@code out} units is two products: the input's gradient ({@code r x out} times
 * {@code out x in}) and the weight's ({@code out x r} times {@code r x in}).
 *
 * @param rows the left matrix's rows
 * @param inner the shared dimension
 * @param cols the right matrix's columns
 * @param what where in the step the product comes from
 */
record StepProducts(long rows, long inner, long cols, String what) {

  /** Returns the product's floating-point operations. */
  double flops() {
    return 2.0 * rows * inner * cols;
  }

  /**
   * Lists the products of one step.
   *
   * @param config the training settings (batch, embedding, layer sizes, pac)
   * @param width the encoded row's width
   * @param condWidth the conditional vector's width
   * @return the products, in the order the step runs them
   */
  static List<StepProducts> ofStep(CtganConfig config, int width, int condWidth) {
    long n = config.batchSize();
    long m = n / config.pac();
    List<long[]> generator = new ArrayList<>();
    long in = config.embeddingDim() + condWidth;
    for (int units : config.generatorDims()) {
      generator.add(new long[] {in, units});
      in += units;
    }
    generator.add(new long[] {in, width});
    List<long[]> critic = new ArrayList<>();
    long criticIn = (long) config.pac() * (width + condWidth);
    for (int units : config.criticDims()) {
      critic.add(new long[] {criticIn, units});
      criticIn = units;
    }
    critic.add(new long[] {criticIn, 1});

    List<StepProducts> products = new ArrayList<>();
    // critic step: fake rows without a graph, one critic pass over real, fake and interpolated rows
    forward(products, generator, n, "critic step: generator forward");
    forward(products, critic, 3 * m, "critic step: critic forward (real, fake, interpolates)");
    // the penalty's input gradient, written as products with the hidden weights (last to first)
    for (int i = critic.size() - 2; i >= 0; i--) {
      long[] layer = critic.get(i);
      products.add(new StepProducts(m, layer[1], layer[0], "critic step: input gradient for the penalty"));
    }
    // backward: the scores' weight gradients and the hidden inputs' gradients (the input is data)
    backward(products, critic, 3 * m, false, "critic step: backward of the scores");
    // backward of the input-gradient chain: per product, the weight's and the upstream's gradient
    for (int i = critic.size() - 2; i >= 0; i--) {
      long[] layer = critic.get(i);
      products.add(new StepProducts(layer[1], m, layer[0], "critic step: backward of the penalty"));
      products.add(new StepProducts(m, layer[0], layer[1], "critic step: backward of the penalty"));
    }
    // generator step: generator and frozen critic forward, gradients back to the generator's weights
    forward(products, generator, n, "generator step: generator forward");
    forward(products, critic, m, "generator step: critic forward");
    for (int i = critic.size() - 1; i >= 0; i--) {
      long[] layer = critic.get(i);
      products.add(new StepProducts(m, layer[1], layer[0], "generator step: critic backward (input only)"));
    }
    backward(products, generator, n, false, "generator step: generator backward");
    return products;
  }

  private static void forward(List<StepProducts> products, List<long[]> layers, long rows, String what) {
    for (long[] layer : layers) {
      products.add(new StepProducts(rows, layer[0], layer[1], what));
    }
  }

  /** Weight gradients of every layer, input gradients of every layer but the first unless asked. */
  private static void backward(List<StepProducts> products, List<long[]> layers, long rows, boolean firstInput,
      String what) {
    for (int i = layers.size() - 1; i >= 0; i--) {
      long[] layer = layers.get(i);
      products.add(new StepProducts(layer[1], rows, layer[0], what));
      if (i > 0 || firstInput) {
        products.add(new StepProducts(rows, layer[1], layer[0], what));
      }
    }
  }
}
