package dev.shifter.ctgan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shifter.api.ShifterException;
import dev.shifter.api.Table;
import dev.shifter.ctgan.types.FitListener;
import dev.shifter.ctgan.types.FitProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointWriterTest {
  @TempDir
  Path dir;

  private BufferAllocator allocator;
  private Table data;

  @BeforeEach
  void makeData() {
    allocator = new RootAllocator();
    data = TestTables.easy(allocator, 240, 5);
  }

  @AfterEach
  void free() {
    data.close();
    allocator.close();
  }

  @Test
  void theListenerHearsOfEachCheckpointInOrderOnceItsFilesAreComplete() {
    Path out = dir.resolve("model");
    List<Integer> heard = new ArrayList<>();
    List<Integer> onDisk = new ArrayList<>();
    try (CtganModel model = trainer(4, out, new FitListener() {
      @Override
      public void onStep(FitProgress progress) {
        // only checkpoints matter here
      }

      @Override
      public void onCheckpoint(Path at, int epochs) {
        heard.add(epochs);
        try (CtganModel written = CtganModel.load(at)) {
          onDisk.add(written.epochsCompleted());
        }
      }
    }).fit()) {
      assertThat(model.epochsCompleted()).isEqualTo(4);
    }
    assertThat(heard).containsExactly(1, 2, 3, 4);
    assertThat(onDisk).as("each checkpoint loads, with the epochs it was announced with").isEqualTo(heard);
  }

  @Test
  void aCheckpointThatFailsInTheBackgroundFailsTheFitAndKeepsTheFileInItsWay() throws IOException {
    Path out = dir.resolve("model");
    CtganTrainer trainer = trainer(4, out, new FitListener() {
      @Override
      public void onStep(FitProgress progress) {
        // only checkpoints matter here
      }

      @Override
      public void onCheckpoint(Path at, int epochs) {
        if (epochs == 1) {
          replaceByAFile(at);
        }
      }
    });
    assertThatThrownBy(trainer::fit).isInstanceOf(ShifterException.class).hasMessageContaining("model");
    assertThat(out).isRegularFile();
    assertThat(Files.readString(out)).isEqualTo("not a model");
  }

  private CtganTrainer trainer(int epochs, Path out, FitListener listener) {
    return CtganTrainer.builder().setData(data).optConfig(TestTables.tiny().optEpochs(epochs).build()).optSeed(8)
        .optCheckpointDir(out).optCheckpointEvery(1).optListener(listener).build();
  }

  private static void replaceByAFile(Path at) {
    try {
      try (var files = Files.walk(at)) {
        for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
          Files.delete(p);
        }
      }
      Files.writeString(at, "not a model");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
