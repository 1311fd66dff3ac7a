package dev.shifter.ctgan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shifter.api.ArtifactException;
import dev.shifter.api.GeneratorAdapter;
import dev.shifter.api.GeneratorLoader;
import dev.shifter.api.LoadedModel;
import dev.shifter.commons.ArtifactKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads CTGAN model directories (written by {@code shifter fit} or {@code CtganModel.save}): recognised
 * by the {@code "format": "shifter-ctgan-model"} of their {@code manifest.json}, loaded with
 * {@link CtganModel#load(Path)}, handed out as {@link CtganModel#adapter()}. Registered as a
 * {@link GeneratorLoader} service, so the Shifter needs no compile-time dependency on this module.
 */
public final class CtganGeneratorLoader implements GeneratorLoader {
  /** The manifest format of a CTGAN model directory. */
  public static final String FORMAT = ArtifactKind.CTGAN_MODEL.format();
  private static final ObjectMapper MAPPER = new ObjectMapper();

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
    Path manifest = modelDir.resolve(ArtifactKind.MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      return false;
    }
    try {
      JsonNode tree = MAPPER.readTree(manifest.toFile());
      return tree != null && FORMAT.equals(tree.path("format").asText());
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public LoadedModel load(Path modelDir) {
    CtganModel model = CtganModel.load(modelDir);
    try {
      GeneratorAdapter adapter = model.adapter();
      return new LoadedModel(adapter, model::close);
    } catch (RuntimeException e) {
      model.close();
      throw e instanceof ArtifactException ? e : new ArtifactException("Cannot use the CTGAN model in " + modelDir
          + ": " + e.getMessage(), e);
    }
  }
}
