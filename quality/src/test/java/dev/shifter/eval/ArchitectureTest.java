package dev.shifter.eval;

import dev.shifter.api.testing.ModuleArchitecture;
import java.util.List;

/** The architecture rules of this module (see {@link ModuleArchitecture}). */
class ArchitectureTest extends ModuleArchitecture {
  ArchitectureTest() {
    super(List.of("dev.shifter.eval"), List.of(
        "ai.djl.pytorch..", "ai.djl.engine.rust..", "ai.djl.mxnet..", "com.google.inject..", "de.siegmar..",
        "picocli..", "me.tongfei..", "org.knowm..", "dev.shifter.ctgan..", "dev.shifter.shift..",
        "dev.shifter.io..", "dev.shifter.report..", "dev.shifter.cli..", "dev.shifter.demo..", "dev.shifter.metafeatures.."));
  }
}
