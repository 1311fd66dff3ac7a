package dev.shifter.spark;

import dev.shifter.api.testing.ModuleArchitecture;
import java.util.List;

/** The architecture rules of this module (see {@link ModuleArchitecture}). */
class ArchitectureTest extends ModuleArchitecture {
  ArchitectureTest() {
    super(List.of("dev.shifter.spark"), List.of("com.google.inject..", "ai.djl.engine.rust..", "ai.djl.mxnet.."));
  }
}
