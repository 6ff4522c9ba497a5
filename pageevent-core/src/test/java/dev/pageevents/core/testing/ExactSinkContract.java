package dev.pageevents.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The {@link SinkContract} for sinks that keep aggregates with their applied offsets in the store
 * ({@code StoreWriter.offsetStore()}): a replay would count twice what the store cannot skip, so
 * such a sink refuses an offsets reset unless told to rebuild.
 */
public abstract class ExactSinkContract extends SinkContract {

  @Test
  void shouldRefuseAnOffsetResetByDefaultAndSayHowToRebuild() throws Exception {
    produce(TestEvents.json(10, 1_000, 30, 40));
    startConnector();
    awaitExact();
    awaitCommittedToTheEnd();

    stopConnector();
    assertThatThrownBy(() -> connect().resetConnectorOffsets(connectorName()))
        .hasMessageContaining("offsets.reset=refuse")
        .hasMessageContaining("offsets.reset=rebuild");
    assertThat(CommittedOffsets.ofConnector(connect(), connectorName())).isEqualTo(endOffsets());
    connect().resumeConnector(connectorName());

    produce(TestEvents.json(11, 500, 30, 40));
    awaitExact();
    assertTasksRunning();
  }
}
