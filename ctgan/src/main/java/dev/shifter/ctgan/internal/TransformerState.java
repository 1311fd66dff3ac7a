package dev.shifter.ctgan.internal;

import dev.shifter.api.ArtifactException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a {@link DataTransformer} needs to encode and decode again, as plain values that Jackson
 * writes to and reads from the model manifest ({@link DataTransformer#fromState(TransformerState)}).
 *
 * @param columns one state per table column, in table order
 */
public record TransformerState(List<ColumnState> columns) {

  /**
   * Checks that there is at least one column and that no two share a name.
   *
   * @throws ArtifactException if not
   */
  public TransformerState {
    if (columns == null || columns.isEmpty()) {
      throw new ArtifactException("The transformer state lists no column. The model manifest is damaged: restore "
          + "it from a backup or fit the model again.");
    }
    columns = List.copyOf(columns);
    Set<String> names = new HashSet<>();
    for (ColumnState column : columns) {
      if (!names.add(column.name())) {
        throw new ArtifactException("The transformer state lists column '" + column.name() + "' twice. The model "
            + "manifest is damaged: restore it from a backup or fit the model again.");
      }
    }
  }
}
