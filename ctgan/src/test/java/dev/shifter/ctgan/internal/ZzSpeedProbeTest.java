package dev.shifter.ctgan.internal;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ZzSpeedProbeTest {
  interface Op { void run(NDManager m); }

  static void time(String name, NDManager parent, Op op) {
    for (int i = 0; i < 5; i++) { try (NDManager m = parent.newSubManager()) { op.run(m); } }
    int reps = 30;
    long best = Long.MAX_VALUE; long total = 0;
    for (int i = 0; i < reps; i++) { long t = System.nanoTime(); try (NDManager m = parent.newSubManager()) { op.run(m); } long d = System.nanoTime() - t; total += d; best = Math.min(best, d); }
    System.out.printf("PROBE %-34s mean %7.2f ms  min %7.2f ms%n", name, total / 1e6 / reps, best / 1e6);
  }

  @Test
  void probe() {
    EncodedData data = SyntheticEncodings.adultLike(32561, 1);
    ConditionalSampler sampler = new ConditionalSampler(data);
    Random random = new Random(1);
    try (NDManager manager = NDManager.newBaseManager()) {
      System.out.println("PROBE gradmode outside collector: " + ai.djl.pytorch.jni.JniUtils.isGradMode());
      Generator g = new Generator(232, List.of(256, 256), 158);
      g.initialize(manager, DataType.FLOAT32, new Shape(500, 232));
      ParameterStore ps = new ParameterStore(manager, false);
      OutputActivation act = new OutputActivation(data.spans(), data.width());
      Critic c = new Critic(262, 10, List.of(256, 256), 0.2f, 0.5f);
      c.initialize(manager, DataType.FLOAT32, new Shape(500, 262));
      long[] acc = new long[8];
      for (int rep = 0; rep < 60; rep++) {
        try (NDManager step = manager.newSubManager()) {
          long t0 = System.nanoTime();
          ConditionalBatch fc = sampler.sampleTrain(500, random);
          NDArray cond = fc.condArray(step);
          NDArray z = step.randomNormal(0f, 1f, new Shape(500, 128), DataType.FLOAT32);
          NDArray in = z.concat(cond, 1);
          long t1 = System.nanoTime();
          NDArray logits = g.forward(ps, new NDList(in), true).singletonOrThrow();
          long t2 = System.nanoTime();
          NDArray fake = act.activate(logits, 0.2f).stopGradient();
          long t3 = System.nanoTime();
          NDArray real = step.randomNormal(new Shape(500, 158));
          NDArray rp = c.pack(real.concat(cond, 1));
          NDArray fp = c.pack(fake.concat(cond, 1));
          NDArray alpha = step.randomUniform(0f, 1f, new Shape(50, 1));
          NDArray interp = rp.mul(alpha).add(fp.mul(alpha.neg().add(1f)));
          NDArray all = ai.djl.ndarray.NDArrays.concat(new NDList(rp, fp, interp));
          long t4 = System.nanoTime();
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            CriticPass pass = c.pass(ps, all, true);
            long t5 = System.nanoTime();
            NDArray pen = GradientPenalty.of(pass.rows(100, 150), 10f);
            NDArray w = pass.output().get("50:100").mean().sub(pass.output().get("0:50").mean());
            long t6 = System.nanoTime();
            gc.backward(w.add(pen));
            long t7 = System.nanoTime();
            if (rep >= 10) { acc[0] += t1 - t0; acc[1] += t2 - t1; acc[2] += t3 - t2; acc[3] += t4 - t3; acc[4] += t5 - t4; acc[5] += t6 - t5; acc[6] += t7 - t6; }
          }
        }
      }
      String[] names = {"sample+z+concat", "gen fwd", "activation", "pack+interp+concat", "critic pass", "GP+loss", "backward"};
      for (int i = 0; i < 7; i++) System.out.printf("PROBE critic-step %-20s %6.2f ms%n", names[i], acc[i] / 1e6 / 50);
      try (CtganTraining training = new CtganTraining(data, CtganTrainingConfig.builder().optSeed(1).build(), manager)) {
        time("training critic step", manager, m -> training.criticStep());
        time("training generator step", manager, m -> training.generatorStep());
      }
    }
  }
}
