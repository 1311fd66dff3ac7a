package dev.shifter.commons;

import dev.shifter.api.testing.ArchitectureRules;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  private static final String ROOT = "dev.shifter";
  private final com.tngtech.archunit.core.domain.JavaClasses classes = ArchitectureRules.productionClasses(ROOT);

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
  void commonsKnowsNoEngineAndNoOtherModule() {
    ArchitectureRules.assertDoesNotDependOn(classes, List.of("ai.djl.pytorch..", "com.google.inject..",
        "dev.shifter.ctgan..", "dev.shifter.shift..", "dev.shifter.cli..", "dev.shifter.metafeatures.."));
  }
}
