package dev.shifter.shift;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shifter.api.ArtifactException;
import dev.shifter.api.GeneratorAdapter;
import dev.shifter.ctgan.CtganModel;
import dev.shifter.shift.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads CTGAN model directories (written by {@code shifter fit} or {@code CtganModel.save}): recognised
 * by the {@code "format": "shifter-ctgan-model"} of their {@code manifest.json}, loaded with
 * {@link CtganModel#load(Path)}, handed out as {@link CtganModel#adapter()}. Registered as a
 * {@link GeneratorLoader} service.
 */
public final class CtganGeneratorLoader implements GeneratorLoader {
  /** The manifest format of a CTGAN model directory. */
  public static final String FORMAT = "shifter-ctgan-model";

  /** Creates the loader; {@link java.util.ServiceLoader} calls this. */
  public CtganGeneratorLoader() {
    // Stateless.
  }

  @Override
  public String name() {
    return "ctgan";
  }

  @Override
  public boolean canLoad(Path modelDir) {
    Path manifest = modelDir.resolve(ModelReference.MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      return false;
    }
    try {
      JsonNode tree = Json.mapper().readTree(manifest.toFile());
      return tree != null && FORMAT.equals(tree.path("format").asText());
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public LoadedGenerator load(Path modelDir) {
    ModelReference reference = ModelReference.of(modelDir);
    CtganModel model = CtganModel.load(modelDir);
    try {
      GeneratorAdapter adapter = model.adapter();
      return new LoadedGenerator(adapter, reference, model::close);
    } catch (RuntimeException e) {
      model.close();
      throw e instanceof ArtifactException ? e : new ArtifactException("Cannot use the CTGAN model in " + modelDir
          + ": " + e.getMessage(), e);
    }
  }
}
