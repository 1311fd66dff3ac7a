package dev.shifter.ctgan;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.shifter.api.testing.ArchitectureRules;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  private static final String ROOT = "dev.shifter.ctgan";
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
  void ctganKnowsNeitherTheShifterNorGuiceNorTheMetaFeatureModules() {
    ArchitectureRules.assertDoesNotDependOn(classes, List.of(
        "com.google.inject..", "dev.shifter.shift..", "dev.shifter.cli..", "dev.shifter.io..",
        "dev.shifter.metafeatures.."));
  }
}
