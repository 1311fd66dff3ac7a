package dev.shifter.commons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class EngineThreadsTest {

  @Test
  void theIdleShareOfTheJiffiesGivesTheThreads() {
    assertThat(EngineThreads.idleCores(2, new long[] {100, 200}, new long[] {150, 250})).isEqualTo(2);
    assertThat(EngineThreads.idleCores(2, new long[] {100, 200}, new long[] {125, 250})).isEqualTo(1);
    assertThat(EngineThreads.idleCores(8, new long[] {0, 0}, new long[] {30, 100})).isEqualTo(2);
  }

  @Test
  void aFullyBusyMachineStillGetsOneThreadAndAnIdleOneAtMostItsCores() {
    assertThat(EngineThreads.idleCores(2, new long[] {100, 200}, new long[] {100, 300})).isEqualTo(1);
    assertThat(EngineThreads.idleCores(4, new long[] {0, 0}, new long[] {0, 0})).isEqualTo(4);
  }

  @Test
  void thisMachineIsMeasuredWhereItHasProcStat() {
    if (Files.isReadable(Path.of("/proc/stat"))) {
      OptionalInt threads = EngineThreads.idleCores(2);
      assertThat(threads).isPresent();
      assertThat(threads.getAsInt()).isBetween(1, 2);
    } else {
      assertThat(EngineThreads.idleCores(2)).isEmpty();
    }
  }

  @Test
  void aThreadCountThatIsSetIsKept() {
    String before = System.getProperty(EngineThreads.PROPERTY);
    System.setProperty(EngineThreads.PROPERTY, "3");
    try {
      EngineThreads.chooseDefault();
      assertThat(System.getProperty(EngineThreads.PROPERTY)).isEqualTo("3");
    } finally {
      if (before == null) {
        System.clearProperty(EngineThreads.PROPERTY);
      } else {
        System.setProperty(EngineThreads.PROPERTY, before);
      }
    }
  }
}
