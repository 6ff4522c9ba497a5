package dev.pageevents.core.testing;

import static dev.pageevents.core.testing.Await.awaitValue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.core.config.PageEventSinkConfig;
import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.view.PageTotals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The {@link SinkContract} for sinks that keep one document per event id ({@code
 * StoreWriter.keepsDocumentsById()}): with {@code delete.on.null.values=true} a keyed tombstone
 * deletes its document, and a full replay ends with the same documents.
 */
public abstract class DocumentSinkContract extends SinkContract {
  private static final List<String> PAGES =
      List.of("/products/123", "/home", TestEvents.HOSTILE_NAMES.get(0), "/cart");
  private static final long START = Instant.parse("2026-11-19T20:00:00Z").toEpochMilli();

  /** Deletes these events' documents behind the sink's back, as a damaged store would lose them. */
  protected abstract void loseDocuments(List<PageEvent> events) throws Exception;

  @Test
  void shouldDeleteTheDocumentOfEachKeyedTombstoneAndStayExactAfterAReplay() throws Exception {
    deleteByTombstonesAndReplay();
  }

  /**
   * Events keyed by id over two days, then tombstones for every 7th id and one without a key:
   * exactly the survivors are stored, the keyless tombstone is in the DLQ naming why, and after
   * some documents are lost a full replay (every upsert and every delete again) restores exactly
   * the survivors.
   */
  protected final void deleteByTombstonesAndReplay() throws Exception {
    PageEventTopic topic = topic();
    List<PageEvent> events = topic.events(0, 1_000, PAGES, START);
    List<String> deleted = new ArrayList<>();
    for (int i = 0; i < events.size(); i += 7) {
      deleted.add(events.get(i).eventId());
    }
    topic.produceEventsKeyedById(events);
    topic.produceTombstones(deleted);
    topic.produceTombstones(Collections.singletonList(null));
    startConnector(Map.of(PageEventSinkConfig.DELETE_ON_NULL_CONFIG, "true"));
    Map<String, PageTotals> survivors = totalsWithout(events, deleted);

    awaitValue("the survivors of the tombstones", this::storedPages, survivors::equals);
    awaitCommittedToTheEnd();
    assertThat(DeadLetters.header(deadLetters(1).iterator().next(), DeadLetters.EXCEPTION_MESSAGE))
        .contains("tombstone")
        .contains("has no key");

    loseDocuments(events.subList(1, 4));
    awaitValue("three documents lost", this::storedPages, stored -> !stored.equals(survivors));
    resetOffsetsWhileStopped();
    connect().resumeConnector(connectorName());

    awaitCommittedToTheEnd();
    awaitValue("the survivors restored by the replay", this::storedPages, survivors::equals);
    assertTasksRunning();
  }

  private static Map<String, PageTotals> totalsWithout(List<PageEvent> events, List<String> ids) {
    Map<String, PageTotals> totals = new TreeMap<>();
    for (PageEvent e : events) {
      if (!ids.contains(e.eventId())) {
        totals.merge(
            e.page(),
            new PageTotals(e.page(), 1, e.durationMs()),
            (a, b) ->
                new PageTotals(
                    a.page(), a.visits() + 1, a.totalDurationMs() + b.totalDurationMs()));
      }
    }
    return totals;
  }
}
