package dev.shifter.ctgan;

import dev.shifter.api.testing.ModuleArchitecture;
import java.util.List;

/** The architecture rules of this module (see {@link ModuleArchitecture}). */
class ArchitectureTest extends ModuleArchitecture {
  ArchitectureTest() {
    super(List.of("dev.shifter.ctgan"), List.of(
        "com.google.inject..", "de.siegmar..", "org.tribuo..", "picocli..", "me.tongfei..",
        "org.knowm..", "dev.shifter.shift..", "dev.shifter.io..", "dev.shifter.eval..", "dev.shifter.report..",
        "dev.shifter.cli..", "dev.shifter.demo..", "dev.shifter.metafeatures.."));
  }
}
