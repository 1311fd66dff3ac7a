package dev.shifter.metafeatures.core;

import dev.shifter.api.testing.ModuleArchitecture;
import java.util.List;

/** The architecture rules of this module (see {@link ModuleArchitecture}). */
class ArchitectureTest extends ModuleArchitecture {
  ArchitectureTest() {
    super(List.of("dev.shifter.metafeatures.core"), List.of(
        "ai.djl.pytorch..", "ai.djl.engine.rust..", "ai.djl.mxnet..", "com.google.inject..", "com.fasterxml..",
        "de.siegmar..", "org.apache.arrow..", "org.tribuo..", "picocli..", "me.tongfei..",
        "org.knowm..", "dev.shifter.commons..", "dev.shifter.ctgan..", "dev.shifter.shift..", "dev.shifter.io..",
        "dev.shifter.eval..", "dev.shifter.report..", "dev.shifter.cli..", "dev.shifter.demo..", "dev.shifter.metafeatures.extra.."));
  }
}
