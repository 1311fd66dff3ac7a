package dev.shifter.bench;

import dev.shifter.api.Table;
import dev.shifter.ctgan.types.CtganConfig;
import dev.shifter.demo.DemoTable;
import dev.shifter.io.ReadOptions;
import dev.shifter.io.Tables;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One data set of the Shifter suite benchmark: where its table comes from and how its CTGAN is fitted
 * (the paper's settings, with a smaller batch for the small tables so that an epoch has several steps).
 *
 * @param name a short name, also the model's folder
 * @param file the CSV file in the shared data folder, or empty for the generated demo table
 * @param discrete columns to read as categorical
 * @param batchSize the CTGAN's batch size
 */
record SuiteDataSet(String name, String file, List<String> discrete, int batchSize) {
  /** The CTGAN's epochs, the paper's. */
  static final int EPOCHS = 300;

  /** Copies the list. */
  SuiteDataSet {
    discrete = List.copyOf(discrete);
  }

  /** The five data sets: Adult, California housing, Breast Cancer (wdbc), Wine and the demo table. */
  static List<SuiteDataSet> all() {
    return List.of(
        new SuiteDataSet("adult", "adult.csv", List.of(), 500),
        new SuiteDataSet("california", "california_housing.csv", List.of(), 500),
        new SuiteDataSet("wdbc", "breast_cancer_wdbc.csv", List.of(), 100),
        new SuiteDataSet("wine", "wine.csv", List.of("class"), 50),
        new SuiteDataSet("demo", "", List.of(), 500));
  }

  /**
   * Reads (or generates) the table.
   *
   * @param dataDir the shared data folder
   * @param allocator the allocator of the table
   * @return the table; close it
   */
  Table read(Path dataDir, BufferAllocator allocator) {
    if (file.isEmpty()) {
      return DemoTable.generate(allocator);
    }
    return Tables.read(dataDir.resolve(file), allocator, ReadOptions.builder().optDiscrete(discrete).build());
  }

  /**
   * Returns the CTGAN settings.
   *
   * @param seed the fit's seed
   * @return the settings
   */
  CtganConfig ctganConfig(long seed) {
    return CtganConfig.builder().optEpochs(EPOCHS).optBatchSize(batchSize).optSeed(seed).build();
  }
}
