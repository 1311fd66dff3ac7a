package dev.shifter.ctgan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

class DecodedValuesTest {
  private static final int ROWS = 600;

  @Test
  void sampledColumnsKeepTheSpikesBoundsAndDecimalsOfTheData() {
    try (BufferAllocator allocator = new RootAllocator();
        Table data = spiky(allocator);
        CtganModel model = CtganTrainer.builder().setData(data)
            .optConfig(TestTables.tiny().optEpochs(30).build()).optSeed(6).build().fit();
        Table sample = model.sample(allocator, 3000, 2)) {
      int zeros = 0;
      for (int row = 0; row < sample.rowCount(); row++) {
        double gain = sample.continuousValue("gain", row);
        assertThat(gain).as("gain is a whole number in the data's range").isBetween(0.0, 5000.0)
            .isEqualTo(Math.rint(gain));
        zeros += gain == 0.0 ? 1 : 0;
        double width = sample.continuousValue("width", row);
        assertThat(width).isBetween(0.5, 9.5);
        assertThat(width * 10).as("width has one decimal").isCloseTo(Math.rint(width * 10), offset(1e-9));
      }
      assertThat(zeros / 3000.0).as("share of exact zeros (70 % in the data)").isGreaterThan(0.4);
    }
  }

  /** "gain": 70 % exactly 0, else whole numbers 100..5000; "width": one decimal in [0.5, 9.5]; "kind". */
  private static Table spiky(BufferAllocator allocator) {
    Random random = new Random(8);
    double[] gain = new double[ROWS];
    double[] width = new double[ROWS];
    String[] kind = new String[ROWS];
    for (int i = 0; i < ROWS; i++) {
      gain[i] = i % 10 < 7 ? 0 : 100 + random.nextInt(4901);
      gain[i] = i == 0 ? 5000 : gain[i];
      width[i] = Math.max(0.5, Math.min(9.5, Math.rint(10 * (5 + 2 * random.nextGaussian())) / 10));
      kind[i] = gain[i] == 0 ? "none" : "some";
    }
    try (TableBuilder builder = new TableBuilder(allocator)) {
      return builder.addContinuous("gain", gain).addContinuous("width", width).addCategorical("kind", kind).build();
    }
  }
}
