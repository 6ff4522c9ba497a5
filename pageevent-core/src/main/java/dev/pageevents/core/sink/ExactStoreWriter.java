package dev.pageevents.core.sink;

import dev.pageevents.core.sink.exact.OffsetStore;
import java.util.Optional;

/**
 * A writer whose store keeps each partition's applied offset in the same transaction or script as
 * the data, so the writer is its own {@link OffsetStore} and the task resumes from the store.
 */
public interface ExactStoreWriter extends StoreWriter, OffsetStore {
  @Override
  default Optional<OffsetStore> offsetStore() {
    return Optional.of(this);
  }
}
