package dev.shifter.ctgan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Table;
import dev.shifter.ctgan.types.FitListener;
import dev.shifter.ctgan.types.FitProgress;
import java.io.IOException;
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

class ResumeTest {
  private static final List<String> STATE_FILES =
      List.of("generator.params", "critic.params", "generator-adam.bin", "critic-adam.bin", "generator-live.params");

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

  private CtganTrainer.Builder trainer(int epochs) {
    return CtganTrainer.builder().setData(data).optConfig(TestTables.tiny().optEpochs(epochs).build()).optSeed(8);
  }

  @Test
  void aResumedFitEqualsTheUninterruptedOneBitForBit() throws IOException {
    Path whole = dir.resolve("whole");
    List<Integer> checkpoints = new ArrayList<>();
    try (CtganModel model = trainer(4).optCheckpointDir(whole).optCheckpointEvery(3)
        .optListener(new FitListener() {
          @Override
          public void onStep(FitProgress progress) {
            // only checkpoints are recorded
          }

          @Override
          public void onCheckpoint(Path at, int epochs) {
            checkpoints.add(epochs);
          }
        }).build().fit()) {
      assertThat(model.epochsCompleted()).isEqualTo(4);
    }
    assertThat(checkpoints).containsExactly(3, 4);

    Path parts = dir.resolve("parts");
    try (CtganModel first = trainer(2).optCheckpointDir(parts).build().fit()) {
      assertThat(first.epochsCompleted()).isEqualTo(2);
    }
    List<FitProgress> resumedSteps = new ArrayList<>();
    try (CtganModel resumed = CtganTrainer.builder().setData(data).optResumeFrom(parts).optEpochs(4)
        .optCheckpointDir(parts).optListener(resumedSteps::add).build().fit()) {
      assertThat(resumed.epochsCompleted()).isEqualTo(4);
    }
    assertThat(resumedSteps.get(0).epoch()).isEqualTo(2);
    assertThat(resumedSteps.get(0).step()).isZero();
    assertThat(resumedSteps).hasSize(2 * 4);
    for (String file : STATE_FILES) {
      assertThat(Files.readAllBytes(parts.resolve(file))).as(file).isEqualTo(Files.readAllBytes(whole.resolve(file)));
    }
    try (CtganModel a = CtganModel.load(whole); CtganModel b = CtganModel.load(parts);
        Table sampleA = a.sample(allocator, 200, 1); Table sampleB = b.sample(allocator, 200, 1)) {
      assertThat(TestTables.dump(sampleB)).isEqualTo(TestTables.dump(sampleA));
      assertThat(b.lossHistory()).as("the resumed fit's loss history").hasSize(4).isEqualTo(a.lossHistory());
    }
  }

  @Test
  void aStopLeavesTheLastCompletedCheckpointAndResumingFromItFinishesTheFit() {
    Path out = dir.resolve("out");
    CtganTrainer[] holder = new CtganTrainer[1];
    holder[0] = trainer(5).optCheckpointDir(out).optListener(progress -> {
      if (progress.epoch() == 2 && progress.step() == 1) {
        holder[0].requestStop();
      }
    }).build();
    try (CtganModel stopped = holder[0].fit()) {
      assertThat(stopped.epochsCompleted()).isEqualTo(2);
    }
    try (CtganModel checkpoint = CtganModel.load(out)) {
      assertThat(checkpoint.epochsCompleted()).isEqualTo(2);
    }
    try (CtganModel finished = CtganTrainer.builder().setData(data).optResumeFrom(out).optCheckpointDir(out).build()
        .fit()) {
      assertThat(finished.epochsCompleted()).isEqualTo(5);
    }
    try (CtganModel saved = CtganModel.load(out)) {
      assertThat(saved.epochsCompleted()).isEqualTo(5);
    }
  }

  @Test
  void resumingRefusesOtherDataOtherSettingsAndAModelStoppedMidEpoch() {
    Path out = dir.resolve("out");
    trainer(1).optCheckpointDir(out).build().fit().close();
    try (Table other = TestTables.easy(allocator, 240, 6)) {
      assertThatThrownBy(() -> CtganTrainer.builder().setData(other).optResumeFrom(out).optEpochs(2).build().fit())
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("differs from the data");
    }
    assertThatThrownBy(() -> trainer(2).optSeed(9).optResumeFrom(out).build().fit())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("seed");
    assertThatThrownBy(() -> CtganTrainer.builder().setData(data).optResumeFrom(out)
        .optConfig(TestTables.tiny().optBatchSize(30).optSeed(8).build()).build().fit())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("settings differ");

    CtganTrainer[] holder = new CtganTrainer[1];
    holder[0] = trainer(3).optListener(progress -> holder[0].requestStop()).build();
    Path midEpoch = dir.resolve("mid");
    try (CtganModel stopped = holder[0].fit()) {
      stopped.save(midEpoch);
    }
    assertThatThrownBy(() -> trainer(3).optResumeFrom(midEpoch).build().fit())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("middle of an epoch");
  }
}
