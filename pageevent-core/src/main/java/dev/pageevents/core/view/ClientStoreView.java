package dev.pageevents.core.view;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A {@link StoreView} over one store client that it either borrowed (the caller keeps and closes
 * it) or opened from a connector config (the view closes it); a sink's view adds only its queries.
 */
public abstract class ClientStoreView implements StoreView {
  private final String storeName;
  private final AutoCloseable client;
  private final boolean ownsClient;

  /**
   * @param storeName how people call the store, see {@link StoreView#storeName()}
   * @param client what {@link #close()} closes when the view owns it
   * @param ownsClient whether the view opened the client, and so closes it
   */
  protected ClientStoreView(String storeName, AutoCloseable client, boolean ownsClient) {
    this.storeName = storeName;
    this.client = client;
    this.ownsClient = ownsClient;
  }

  @Override
  public final String storeName() {
    return storeName;
  }

  @Override
  public final void close() {
    if (!ownsClient) {
      return;
    }
    try {
      client.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not close the " + storeName + " client", e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Could not close the " + storeName + " client", e);
    }
  }
}
