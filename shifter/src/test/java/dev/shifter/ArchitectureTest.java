package dev.shifter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.shifter.api.testing.ArchitectureRules;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  private static final String ROOT = "dev.shifter";
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
  void onlyTheCliWritesToTheConsole() {
    ArchitectureRules.assertNoConsoleOutputOutsideTheCli(classes);
  }

  @Test
  void tableIoKnowsNothingOfTheCommandLine() {
    noClasses().that().resideInAPackage("dev.shifter.io..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.shifter.cli..", "picocli..")
        .check(classes);
  }

  @Test
  void theQualityEvaluationKnowsNothingOfTheCommandLineOrTheFileFormats() {
    noClasses().that().resideInAPackage("dev.shifter.eval..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.shifter.cli..", "dev.shifter.io..", "picocli..")
        .check(classes);
  }

  @Test
  void theShifterLibraryKnowsNothingOfTheCommandLineOrTheFileFormats() {
    noClasses().that().resideInAPackage("dev.shifter.shift..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.shifter.cli..", "dev.shifter.io..", "picocli..",
            "me.tongfei..")
        .check(classes);
  }

  @Test
  void theReportKnowsNothingOfTheCommandLineOrTheFileFormats() {
    noClasses().that().resideInAPackage("dev.shifter.report..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.shifter.cli..", "dev.shifter.io..", "picocli..",
            "me.tongfei..")
        .check(classes);
  }

  @Test
  void theModuleDoesNotReachIntoTheMetaFeatureImplementations() {
    ArchitectureRules.assertDoesNotDependOn(classes, List.of("dev.shifter.metafeatures.."));
  }
}
