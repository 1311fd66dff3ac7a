package dev.shifter.api.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.NullMarked;

/**
 * The house rules every module checks on its own production classes: no package cycles,
 * {@code @NullMarked} on every package, no console output outside the CLI, and dependencies that
 * point only the allowed way.
 */
public final class ArchitectureRules {
  private ArchitectureRules() {}

  /**
   * Imports a module's production classes (test classes and jars excluded).
   *
   * @param rootPackages e.g. {@code "dev.shifter.api"} (one or more)
   * @return the classes
   */
  public static JavaClasses productionClasses(String... rootPackages) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages(rootPackages);
  }

  /**
   * Checks that the packages under {@code rootPackage} form no cycle.
   *
   * @param classes the module's classes
   * @param rootPackages the module's root package (one or more)
   */
  public static void assertNoPackageCycles(JavaClasses classes, String rootPackage) {
    slices().matching(rootPackage + ".(**)").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
  }

  /**
   * Checks that every package holding classes carries {@code @NullMarked} in its package-info.
   *
   * @param classes the module's classes
   */
  public static void assertEveryPackageIsNullMarked(JavaClasses classes) {
    Set<String> unmarked = new TreeSet<>();
    for (var type : classes) {
      JavaPackage pkg = type.getPackage();
      if (!pkg.isAnnotatedWith(NullMarked.class)) {
        unmarked.add(pkg.getName());
      }
    }
    assertThat(unmarked)
        .as("packages without @NullMarked in package-info.java")
        .isEmpty();
    assertThat(classes).as("classes imported").isNotEmpty();
  }

  /**
   * Checks that nothing writes to {@code System.out} or {@code System.err} outside the CLI package.
   *
   * @param classes the module's classes
   */
  public static void assertNoConsoleOutputOutsideTheCli(JavaClasses classes) {
    noClasses().that().resideOutsideOfPackage("dev.shifter.cli..")
        .should().accessField(System.class, "out")
        .orShould().accessField(System.class, "err")
        .orShould().callMethod(Throwable.class, "printStackTrace")
        .allowEmptyShould(true)
        .check(classes);
  }

  /**
   * Checks that the module's classes do not use any of the forbidden packages.
   *
   * @param classes the module's classes
   * @param forbiddenPackages package patterns in ArchUnit syntax, e.g. {@code "com.google.inject.."}
   */
  public static void assertDoesNotDependOn(JavaClasses classes, List<String> forbiddenPackages) {
    noClasses().should().dependOnClassesThat().resideInAnyPackage(forbiddenPackages.toArray(String[]::new))
        .allowEmptyShould(true)
        .check(classes);
  }
}
