package dev.shifter.api.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules every module keeps, as tests a module's {@code ArchitectureTest} inherits: no
 * package cycles, {@code @NullMarked} on every package, no console output outside the command line, no use
 * of another module's {@code internal} packages, none of the packages the module direction forbids, and no
 * command-line flag in a library's messages (a {@code ShifterException} names the setting as a {@code Remedy};
 * the command line spells it). A subclass names its root packages and its forbidden packages, and may add
 * rules of its own.
 */
public abstract class ModuleArchitecture {
  private final List<String> roots;
  private final List<String> forbidden;
  private final JavaClasses classes;

  /**
   * Imports the module's production classes.
   *
   * @param roots the module's root packages, e.g. {@code List.of("dev.shifter.ctgan")}
   * @param forbidden packages the module must not depend on, in ArchUnit's notation ({@code "picocli.."})
   */
  protected ModuleArchitecture(List<String> roots, List<String> forbidden) {
    this.roots = List.copyOf(roots);
    this.forbidden = List.copyOf(forbidden);
    this.classes = ArchitectureRules.productionClasses(roots.toArray(String[]::new));
  }

  /**
   * Returns the module's production classes.
   *
   * @return the imported classes
   */
  protected final JavaClasses classes() {
    return classes;
  }

  @Test
  void packagesFormNoCycle() {
    for (String root : roots) {
      ArchitectureRules.assertNoPackageCycles(classes, root);
    }
  }

  @Test
  void everyPackageIsNullMarked() {
    ArchitectureRules.assertEveryPackageIsNullMarked(classes);
  }

  @Test
  void onlyTheCommandLineWritesToTheConsole() {
    ArchitectureRules.assertNoConsoleOutputOutsideTheCli(classes);
  }

  @Test
  void noClassUsesAnotherModulesInternalPackages() {
    String[] own = roots.stream().map(root -> root + "..").toArray(String[]::new);
    noClasses().should().dependOnClassesThat(resideInAPackage("dev.shifter..internal..")
            .and(not(resideInAnyPackage(own))))
        .because("a module's internal packages are its own; use the other module's public types")
        .allowEmptyShould(true)
        .check(classes);
  }

  /**
   * Tells whether this module's messages may name command-line flags: only the command line's may.
   *
   * @return false, unless the subclass is the command line's
   */
  protected boolean messagesMayNameFlags() {
    return false;
  }

  /**
   * Tells whether one source file of this module is a command line's, whose messages may name its flags (a
   * module with a library and an entry point, such as {@code spark-submit}'s, keeps the entry point apart).
   *
   * @param file the file, relative to the module's directory
   * @return {@link #messagesMayNameFlags()}, unless the subclass tells the files apart
   */
  protected boolean isCommandLineSource(Path file) {
    return messagesMayNameFlags();
  }

  @Test
  void libraryMessagesNameNoCommandLineFlag() {
    Path sources = Path.of("src", "main", "java");
    assumeTrue(!messagesMayNameFlags() && Files.isDirectory(sources), "the command line names its own flags");
    assertThat(StringLiterals.namingFlags(sources).stream().filter(literal -> !isCommandLineSource(literal.file())))
        .as("library messages say the fix in words and name the setting as a Remedy; the command line adds the flag")
        .isEmpty();
  }

  @Test
  void theModuleDependsOnNothingTheModuleDirectionForbids() {
    ArchitectureRules.assertDoesNotDependOn(classes, forbidden);
  }
}
