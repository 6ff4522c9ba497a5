package dev.pageevents.pipeline.compare;

import dev.pageevents.core.view.PageTotals;
import java.util.Map;

/** Reads one store's visits and total duration per page through that sink's own view. */
public final class StoreReader implements AutoCloseable {
  /** The view's per-page query. */
  @FunctionalInterface
  public interface Totals {
    Map<String, PageTotals> read() throws Exception;
  }

  private final Store store;
  private final Totals totals;
  private final AutoCloseable view;

  StoreReader(Store store, Totals totals, AutoCloseable view) {
    this.store = store;
    this.totals = totals;
    this.view = view;
  }

  public Store store() {
    return store;
  }

  /** Visits and total duration per page, as the store holds them now. */
  public Map<String, PageTotals> totalsByPage() {
    try {
      return totals.read();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Could not read " + store.title() + ": " + e, e);
    }
  }

  @Override
  public void close() {
    try {
      view.close();
    } catch (Exception e) {
      throw new IllegalStateException("Could not close the " + store.title() + " view", e);
    }
  }
}
