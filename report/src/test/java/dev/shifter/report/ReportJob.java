package dev.shifter.report;

import dev.shifter.api.Table;
import dev.shifter.ctgan.CtganModel;
import dev.shifter.ctgan.CtganTrainer;
import dev.shifter.ctgan.types.CtganConfig;
import dev.shifter.shift.ModelReference;
import dev.shifter.shift.ShiftedTable;
import dev.shifter.shift.ShifterConfig;
import dev.shifter.shift.ShifterTrainer;
import dev.shifter.shift.Targets;
import dev.shifter.shift.TrainedShifter;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A whole job in miniature, for report tests: a tiny CTGAN fitted for a few epochs on
 * {@link ReportTables}, its sample, a Shifter trained for a few dozen steps and its shifted table. Takes
 * some seconds. Close it to free the tables.
 *
 * @param real the real table
 * @param synthetic the CTGAN's sample
 * @param shifted the Shifter's table
 * @param targets the Shifter's targets
 * @param model the CTGAN model directory
 * @param shifter the Shifter directory
 */
public record ReportJob(Table real, Table synthetic, Table shifted, Targets targets, Path model, Path shifter)
    implements AutoCloseable {
  /** The targets the Shifter is trained for. */
  public static final String TARGETS = "{\"mean\": {\"x\": 1.6}, \"cor\": {\"x~z\": 0.4}}";

  /**
   * Runs the job.
   *
   * @param dir where the model and Shifter directories go
   * @param allocator the allocator of the tables
   * @return the job's outputs
   */
  public static ReportJob run(Path dir, BufferAllocator allocator) {
    Path model = dir.resolve("model");
    Path shifter = dir.resolve("shifter");
    Targets targets = Targets.parse(TARGETS);
    Table real = ReportTables.draw(allocator, 600, 0, 1);
    CtganConfig config = CtganConfig.builder().optBatchSize(100).optEmbeddingDim(16)
        .optGeneratorDims(List.of(64, 64)).optCriticDims(List.of(64, 64)).optEpochs(5).build();
    try (CtganModel fitted = CtganTrainer.builder().setData(real).optConfig(config).optSeed(2).build().fit()) {
      fitted.save(model);
    }
    try (CtganModel loaded = CtganModel.load(model)) {
      Table synthetic = loaded.sample(allocator, 500, 3);
      ShifterConfig settings = ShifterConfig.builder().optSteps(60).optTrainSamples(300).optEvalSamples(600)
          .optEvalEvery(10).optSeed(4).build();
      try (TrainedShifter trained = ShifterTrainer.builder().setAdapter(loaded.adapter())
          .optModel(ModelReference.of(model)).setTargets(targets).optConfig(settings).optOutputDirectory(shifter)
          .build().train()) {
        ShiftedTable shifted = trained.generate(allocator, 500, 5);
        return new ReportJob(real, synthetic, shifted.table(), targets, model, shifter);
      }
    }
  }

  /** Frees the tables. */
  @Override
  public void close() {
    real.close();
    synthetic.close();
    shifted.close();
  }
}
