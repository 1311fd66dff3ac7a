package dev.shifter.cli;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Table;
import dev.shifter.ctgan.CtganModel;
import dev.shifter.ctgan.CtganTrainer;
import dev.shifter.ctgan.types.CtganConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shifter fit}: fits a CTGAN to a table and writes the model directory, with checkpoints in the
 * same directory, so that Ctrl-C or a crash leaves the last completed checkpoint usable; {@code --resume}
 * continues it. Ctrl-C stops after the current training step and waits for the last checkpoint.
 */
@Command(name = "fit", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Fit a CTGAN (conditional tabular GAN) to a table (CSV or Arrow IPC) and write the model "
        + "directory.",
        "", "The directory is written atomically after every --checkpoint-every epochs and at the end, so that "
        + "Ctrl-C or a crash leaves the last completed checkpoint in it; --resume continues from it (exactly: "
        + "the result equals an uninterrupted fit)."},
    footer = {"", "Examples:",
        "  shifter fit --data adult.csv --out models/adult --seed 1",
        "  shifter fit --data adult.csv --out models/adult --epochs 50 --discrete education-num",
        "  shifter fit --data adult.csv --out models/adult --epochs 300 --resume   (after Ctrl-C)",
        "", "Exit codes: 0 done, 1 internal error, 2 bad usage, 3 bad input."})
final class FitCommand implements Callable<Integer> {
  private static final int DEFAULT_EPOCHS = 300;

  @Spec
  CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "FILE",
      description = "The training table: .csv, .arrow, .feather, .ipc or .parquet.")
  @Nullable Path data;

  @Mixin
  ColumnKindOptions columnKinds;

  @Option(names = "--epochs", paramLabel = "N",
      description = "Epochs to train (default " + DEFAULT_EPOCHS + ", the paper's; with --resume, the total to "
          + "reach, default the checkpoint's).")
  @Nullable Integer epochs;

  @Option(names = "--batch-size", paramLabel = "N",
      description = "Rows per training step, a multiple of 10 (default 500).")
  @Nullable Integer batchSize;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the whole fit (default 0).")
  @Nullable Long seed;

  @Option(names = "--generator-averaging", paramLabel = "D",
      description = "Sample from a moving average of the generator's weights with this decay, in [0, 1) (default "
          + "0.999; 0: from the last weights, as the paper does). Not with --resume: a resumed fit keeps the "
          + "checkpoint's.")
  @Nullable Float generatorAveraging;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "The model directory to write: replaced if it holds a model; never if it holds a Shifter or "
          + "other files, or cannot be written (checked before training).")
  @Nullable Path out;

  @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "1",
      description = "Write the model to --out after every N epochs (default ${DEFAULT-VALUE}; 0: only at the end).")
  int checkpointEvery;

  @Option(names = "--resume", description = "Continue the checkpoint in --out (same data and settings).")
  boolean resume;

  @Mixin
  ProgressOptions progress;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    Diagnostics diagnostics = Diagnostics.of(spec);
    Path dataFile = Objects.requireNonNull(data);
    Path outDir = Objects.requireNonNull(out);
    checkOptions(outDir);
    try (BufferAllocator allocator = new RootAllocator();
        Table table = TableReading.read(dataFile, allocator, columnKinds.readOptions(), diagnostics)) {
      CtganTrainer.Builder builder = CtganTrainer.builder().setData(table).optCheckpointDir(outDir)
          .optCheckpointEvery(checkpointEvery);
      if (resume) {
        builder.optResumeFrom(outDir);
      } else {
        CtganConfig.Builder config = CtganConfig.builder().optEpochs(DEFAULT_EPOCHS);
        if (generatorAveraging != null) {
          config.optGeneratorAveraging(generatorAveraging);
        }
        builder.optConfig(config.build());
      }
      if (batchSize != null) {
        builder.optBatchSize(batchSize);
      }
      if (epochs != null) {
        builder.optEpochs(epochs);
      }
      if (seed != null) {
        builder.optSeed(seed);
      }
      return fit(builder, table, dataFile, outDir, diagnostics);
    }
  }

  private int fit(CtganTrainer.Builder builder, Table table, Path dataFile, Path outDir, Diagnostics diagnostics) {
    long started = System.nanoTime();
    FitProgressDisplay display = new FitProgressDisplay(spec.commandLine().getErr(), progress.mode, diagnostics);
    CtganTrainer trainer = builder.optListener(display).build();
    StopOnShutdown stop = new StopOnShutdown(trainer::requestStop);
    try {
      CtganModel fitted;
      try {
        fitted = trainer.fit();
      } finally {
        display.close();
      }
      try (CtganModel model = fitted) {
        double seconds = (System.nanoTime() - started) / 1e9;
        if (model.epochsCompleted() < model.config().epochs()) {
          diagnostics.note(stoppedMessage(model, display.lastCheckpoint(), resumeCommand(dataFile, outDir)));
        } else {
          diagnostics.note(String.format(Locale.ROOT, "wrote the model to %s: %d epochs on %,d rows in %.1f s.",
              outDir, model.epochsCompleted(), table.rowCount(), seconds));
        }
        return ExitCode.OK.code();
      }
    } finally {
      stop.close();
    }
  }

  private static String stoppedMessage(CtganModel model, int checkpoint, String resumeCommand) {
    String head = "stopped after " + model.epochsCompleted() + " of " + model.config().epochs() + " epochs. ";
    if (checkpoint < 0) {
      return head + "No checkpoint was written yet, so nothing was saved; run the fit again.";
    }
    return head + "The checkpoint holds " + checkpoint + " epochs; continue with: " + resumeCommand;
  }

  /** The command that continues this fit, with the real paths and the column options given. */
  private String resumeCommand(Path dataFile, Path outDir) {
    StringBuilder command = new StringBuilder("shifter fit --data ").append(ShellWords.quote(dataFile.toString()))
        .append(" --out ").append(ShellWords.quote(outDir.toString()));
    columnKinds.appendTo(command);
    if (epochs != null) {
      command.append(" --epochs ").append(epochs);
    }
    return command.append(" --resume").toString();
  }

  private void checkOptions(Path outDir) {
    if (epochs != null && epochs < 0) {
      throw new ParameterException(spec.commandLine(), "--epochs must be 0 or more, got " + epochs + ".");
    }
    if (batchSize != null && batchSize < 1) {
      throw new ParameterException(spec.commandLine(), "--batch-size must be positive, got " + batchSize + ".");
    }
    if (checkpointEvery < 0) {
      throw new ParameterException(spec.commandLine(), "--checkpoint-every must be 0 or more, got "
          + checkpointEvery + ".");
    }
    Float averaging = generatorAveraging;
    if (averaging != null && !(averaging >= 0f && averaging < 1f)) {
      throw new ParameterException(spec.commandLine(), "--generator-averaging must be in [0, 1) (0.999 is the "
          + "default, 0 samples from the last weights), got " + averaging + ".");
    }
    if (resume && averaging != null) {
      throw new ParameterException(spec.commandLine(), "--generator-averaging cannot be changed when resuming: a "
          + "resumed fit keeps the checkpoint's setting. Leave it out, or fit from scratch without --resume.");
    }
    if (resume && !Files.isDirectory(outDir)) {
      throw new InvalidInputException(outDir + ": no checkpoint to resume (the directory does not exist). Run "
          + "without --resume to start a fit.");
    }
  }
}
