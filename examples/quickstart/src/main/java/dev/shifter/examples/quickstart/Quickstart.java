package dev.shifter.examples.quickstart;

import dev.shifter.api.Table;
import dev.shifter.ctgan.CtganModel;
import dev.shifter.ctgan.CtganTrainer;
import dev.shifter.ctgan.types.CtganConfig;
import dev.shifter.io.Tables;
import dev.shifter.shift.GeneratorLoaders;
import dev.shifter.shift.LoadedGenerator;
import dev.shifter.shift.ShiftedTable;
import dev.shifter.shift.ShifterConfig;
import dev.shifter.shift.ShifterTrainer;
import dev.shifter.shift.TargetReport;
import dev.shifter.shift.Targets;
import dev.shifter.shift.TrainedShifter;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The README's quick start in Java. {@link #run} is the code the README shows: fit a CTGAN to a table
 * with columns {@code age} and {@code hours-per-week} (Adult's, for example), train a Shifter so that
 * generated rows are older on average and age and hours are more correlated, and write 5,000 such rows.
 */
public final class Quickstart {
  private Quickstart() {}

  /**
   * Fits, trains and generates.
   *
   * @param csv the table to learn from
   * @param work the folder for the model and the shifted table
   * @param ctgan the CTGAN settings ({@code CtganConfig.defaults()} are the paper's)
   * @param shifter the Shifter settings ({@code ShifterConfig.defaults()})
   * @return for each target entry: the target, the value reached and the unshifted model's value
   */
  public static List<TargetReport> run(Path csv, Path work, CtganConfig ctgan, ShifterConfig shifter) {
    try (BufferAllocator allocator = new RootAllocator();
        Table data = Tables.read(csv, allocator);
        CtganModel model = CtganTrainer.builder().setData(data).optConfig(ctgan).build().fit()) {
      model.save(work.resolve("model"));
      Targets targets = Targets.parse("{\"mean\": {\"age\": 42}, \"cor\": {\"age~hours-per-week\": 0.2}}");
      try (LoadedGenerator generator = GeneratorLoaders.load(work.resolve("model"));
          TrainedShifter trained = ShifterTrainer.builder().setGenerator(generator).setTargets(targets)
              .optConfig(shifter).build().train();
          ShiftedTable shifted = trained.generate(allocator, 5_000, 1)) {
        Tables.write(shifted.table(), work.resolve("shifted.csv"));
        return shifted.report();
      }
    }
  }
}
