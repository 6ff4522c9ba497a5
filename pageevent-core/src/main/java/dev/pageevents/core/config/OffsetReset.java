package dev.pageevents.core.config;

import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * What a change of a sink connector's offsets through Connect's REST API (KIP-875: {@code DELETE}
 * or {@code PATCH /connectors/<name>/offsets}) means for its store, set by {@code offsets.reset}.
 */
public enum OffsetReset {
  /**
   * Connect applies the new offsets and the sink delivers from there: a document sink rewrites the
   * same documents (idempotent upserts); a sink that keeps its offsets with its aggregates skips
   * what it already applied and resumes from its own offsets, so its store does not change.
   */
  REPLAY,
  /**
   * A reset of every partition ({@code DELETE}) first clears this connector's read model in the
   * store (data and stored offsets), then Connect replays the topic from its start. A {@code PATCH}
   * is refused: clearing the store and replaying only some partitions would lose the others.
   */
  REBUILD,
  /** Every change is refused with a message that says why and what to do instead. */
  REFUSE;

  /** What the connector does before Connect applies the requested offsets. */
  public enum Action {
    /** Nothing: Connect applies the offsets. */
    APPLY,
    /** Clears the connector's read model, then Connect applies the offsets. */
    CLEAR_THEN_APPLY
  }

  /** The config value, e.g. {@code replay}. */
  public String configValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode a config value names, in any case. */
  public static OffsetReset of(String configValue) {
    return valueOf(configValue.toUpperCase(Locale.ROOT));
  }

  /**
   * Decides what an offsets request means for the store.
   *
   * @param connector the connector's name, for the messages
   * @param offsets the requested offset per partition; a reset ({@code DELETE}) has only null
   *     values (and no entry at all when the consumer group had no committed offset)
   * @throws ConnectException when this mode refuses the request; the message says why and what to
   *     do
   */
  public Action decide(String connector, Map<TopicPartition, Long> offsets) {
    boolean reset = offsets.values().stream().allMatch(offset -> offset == null);
    switch (this) {
      case REPLAY:
        return Action.APPLY;
      case REBUILD:
        if (!reset) {
          throw new ConnectException(
              "Connector '"
                  + connector
                  + "' has offsets.reset=rebuild, which clears its store and replays the whole"
                  + " topic, so it only accepts a reset of every partition: use DELETE"
                  + " /connectors/"
                  + connector
                  + "/offsets. Altering some offsets (PATCH) would clear the store and replay only"
                  + " part of the topic.");
        }
        return Action.CLEAR_THEN_APPLY;
      default:
        throw new ConnectException(
            "Connector '"
                + connector
                + "' refuses offset changes (offsets.reset=refuse): its store keeps aggregates,"
                + " which new offsets cannot correct. A sink that stores its applied offsets with"
                + " them (Redis, Neo4j) would ignore the change and resume from its own offsets;"
                + " one that does not would count replayed records twice."
                + " To rebuild the store from the topic, set offsets.reset=rebuild in the"
                + " connector's config, then DELETE /connectors/"
                + connector
                + "/offsets while it is STOPPED: the sink clears its data and replays the topic.");
    }
  }
}
