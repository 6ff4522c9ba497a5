package dev.pageevents.pipeline.live;

import dev.pageevents.configs.ConnectRestClient;
import dev.pageevents.configs.ConnectRestException;
import dev.pageevents.configs.ConnectorStatus;
import java.util.ArrayList;
import java.util.List;

/** Every connector's and task's state, as the Connect worker's REST API reports it (GET only). */
final class ConnectStates {
  /** The worker and its connectors, sorted by name. */
  record Connectors(String url, List<ConnectorStatus> connectors) {}

  private ConnectStates() {}

  static Connectors read(ConnectRestClient connect) {
    List<ConnectorStatus> statuses = new ArrayList<>();
    for (String name : connect.connectors()) {
      try {
        statuses.add(connect.status(name));
      } catch (ConnectRestException e) {
        if (e.status() != 404) {
          throw e;
        }
        // just created or deleted between the two requests: no status to show yet
      }
    }
    return new Connectors(connect.baseUrl(), statuses);
  }
}
