package dev.pageevents.core.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientStoreViewTest {
  /** Counts how often it was closed, or fails with the given error. */
  private static final class Client implements AutoCloseable {
    int closes;
    Exception failure;

    @Override
    public void close() throws Exception {
      closes++;
      if (failure != null) {
        throw failure;
      }
    }
  }

  private static final class View extends ClientStoreView {
    View(Client client, boolean ownsClient) {
      super("Store", client, ownsClient);
    }

    @Override
    public Map<String, PageTotals> totalsByPage() {
      return Map.of();
    }

    @Override
    public List<String> sampleQuery(ViewSample sample) {
      return List.of();
    }

    @Override
    public List<String> whereLives(ViewSample sample) {
      return List.of();
    }
  }

  @Test
  void shouldCloseTheClientItOpened() {
    Client client = new Client();

    new View(client, true).close();

    assertThat(client.closes).isEqualTo(1);
  }

  @Test
  void shouldLeaveABorrowedClientToTheCaller() {
    Client client = new Client();

    new View(client, false).close();

    assertThat(client.closes).isZero();
  }

  @Test
  void shouldNameTheStoreWhenClosingFails() {
    Client client = new Client();
    client.failure = new IOException("socket gone");
    View view = new View(client, true);

    assertThat(view.storeName()).isEqualTo("Store");
    assertThatThrownBy(view::close)
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("Could not close the Store client")
        .hasCause(client.failure);
  }
}
