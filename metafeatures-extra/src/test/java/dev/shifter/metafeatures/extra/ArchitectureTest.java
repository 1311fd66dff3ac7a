package dev.shifter.metafeatures.extra;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.shifter.api.testing.ArchitectureRules;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  private static final String ROOT = "dev.shifter.metafeatures.extra";
  private final JavaClasses classes = ArchitectureRules.productionClasses(ROOT);

  @Test
  void packagesFormNoCycle() {
    ArchitectureRules.assertNoPackageCycles(classes, ROOT);
  }

  @Test
  void everyPackageIsNullMarked() {
    ArchitectureRules.assertEveryPackageIsNullMarked(classes);
  }

  @Test
  void nothingWritesToTheConsole() {
    ArchitectureRules.assertNoConsoleOutputOutsideTheCli(classes);
  }

  @Test
  void thePluginKnowsOnlyTheApiAndDjlsEngineNeutralApi() {
    ArchitectureRules.assertDoesNotDependOn(classes, List.of(
        "ai.djl.pytorch..", "ai.djl.engine.rust..", "ai.djl.mxnet..", "com.google.inject..", "org.apache.arrow..",
        "dev.shifter.metafeatures.core..", "dev.shifter.ctgan..", "dev.shifter.shift..", "dev.shifter.cli..",
        "com.fasterxml..", "de.siegmar.."));
  }
}
