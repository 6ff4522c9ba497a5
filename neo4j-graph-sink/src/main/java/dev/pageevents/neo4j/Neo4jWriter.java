package dev.pageevents.neo4j;

import dev.pageevents.core.sink.AppliedOffsets;
import dev.pageevents.core.sink.ErrorKind;
import dev.pageevents.core.sink.ExactStoreWriter;
import dev.pageevents.core.sink.PageEventRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.FatalDiscoveryException;
import org.neo4j.driver.exceptions.RetryableException;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.driver.exceptions.TransactionTerminatedException;

/**
 * Writes each batch in one transaction: lock the partitions' {@code :KafkaOffset} nodes, read the
 * applied offsets and store the batch's, merge the visits of the records above the applied offsets,
 * commit. A retried or replayed batch finds its offsets already stored and adds nothing.
 */
final class Neo4jWriter implements ExactStoreWriter {
  /**
   * Locks each partition's offset node (the {@code lockedAt} write holds it until commit), then
   * reads the offset applied before this batch and stores the batch's last one, in one round trip:
   * the whole transaction commits or none of it does.
   */
  static final String CLAIM_OFFSETS =
      """
      UNWIND $partitions AS p
      MERGE (o:KafkaOffset {topic: p.topic, partition: p.partition})
        ON CREATE SET o.offset = -1
      SET o.lockedAt = datetime()
      WITH o, p, o.offset AS applied
      SET o.offset = CASE WHEN p.offset > applied THEN p.offset ELSE applied END
      RETURN o.topic AS topic, o.partition AS partition, applied AS offset""";

  /**
   * First merges and write-locks the batch's users, then its pages, each in sorted order ({@code
   * SET} of a key to itself takes the node's write lock and changes nothing), collecting the nodes;
   * each row then names its user and page by position in those lists, so no row looks a node up
   * again. Creating a {@code VISITED} relationship write-locks both of its nodes, so without this
   * two tasks sharing users (a topic keyed by page) or pages (keyed by user) took those locks in
   * different orders and deadlocked. {@code ON CREATE}/{@code ON MATCH} rather than a {@code SET}
   * after the {@code MERGE}, which made the planner add two {@code Eager} barriers and a projection
   * per row (docs/benchmarks.md, "Neo4j: where the time went").
   */
  static final String MERGE_VISITS =
      """
      CALL {
        UNWIND $users AS id MERGE (u:User {id: id}) SET u.id = id RETURN collect(u) AS users
      }
      CALL {
        UNWIND $pages AS name MERGE (p:Page {name: name}) SET p.name = name
        RETURN collect(p) AS pages
      }
      UNWIND $rows AS row
      WITH users[row.u] AS u, pages[row.p] AS p, row,
        datetime({epochMillis: row.firstAt}) AS firstAt,
        datetime({epochMillis: row.lastAt}) AS lastAt
      MERGE (u)-[v:VISITED]->(p)
        ON CREATE SET v.count = row.count, v.totalDurationMs = row.durationMs,
          v.firstAt = firstAt, v.lastAt = lastAt
        ON MATCH SET v.count = v.count + row.count,
          v.totalDurationMs = v.totalDurationMs + row.durationMs,
          v.firstAt = CASE WHEN firstAt < v.firstAt THEN firstAt ELSE v.firstAt END,
          v.lastAt = CASE WHEN lastAt > v.lastAt THEN lastAt ELSE v.lastAt END""";

  static final String LAST_PAGES =
      "MATCH (u:User) WHERE u.id IN $users AND u.lastPage IS NOT NULL"
          + " RETURN u.id AS user, u.lastPage AS page";

  static final String MERGE_NEXT =
      """
      UNWIND $transitions AS t
      MATCH (a:Page {name: t.from}), (b:Page {name: t.to})
      MERGE (a)-[n:NEXT]->(b) ON CREATE SET n.count = 0
      SET n.count = n.count + t.count""";

  static final String SET_LAST_PAGES =
      "UNWIND $last AS l MATCH (u:User {id: l.user}) SET u.lastPage = l.page";

  static final String READ_OFFSETS =
      """
      UNWIND $partitions AS p
      MATCH (o:KafkaOffset {topic: p.topic, partition: p.partition})
      WHERE o.offset >= 0
      RETURN o.topic AS topic, o.partition AS partition, o.offset AS offset""";

  private static final Comparator<TopicPartition> PARTITION_ORDER =
      Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

  private final Driver driver;
  private final String database;
  private final SessionConfig session;
  private final boolean next;

  Neo4jWriter(Driver driver, String database, boolean next) {
    this.driver = driver;
    this.database = database;
    this.session = SessionConfig.forDatabase(database);
    this.next = next;
  }

  /** Creates the uniqueness constraints. */
  @Override
  public void prepare() {
    Neo4jSchema.ensure(driver, database);
  }

  @Override
  public void write(List<PageEventRecord> batch) {
    Map<TopicPartition, Long> last = AppliedOffsets.lastOffsets(batch);
    try (Session s = driver.session(session);
        Transaction tx = s.beginTransaction()) {
      Map<TopicPartition, Long> applied =
          offsets(tx.run(CLAIM_OFFSETS, Map.of("partitions", partitions(last))).list());
      List<PageEventRecord> fresh = AppliedOffsets.unapplied(batch, applied);
      if (!fresh.isEmpty()) {
        tx.run(MERGE_VISITS, Neo4jRows.visits(fresh)).consume();
        if (next) {
          mergeNext(tx, fresh);
        }
      }
      tx.commit();
    }
  }

  private static void mergeNext(Transaction tx, List<PageEventRecord> fresh) {
    Map<String, List<String>> pagesByUser = Neo4jRows.pagesByUser(fresh);
    Map<String, String> lastPages = new HashMap<>();
    tx.run(LAST_PAGES, Map.of("users", new ArrayList<>(pagesByUser.keySet())))
        .forEachRemaining(r -> lastPages.put(r.get("user").asString(), r.get("page").asString()));
    tx.run(MERGE_NEXT, Map.of("transitions", Neo4jRows.transitions(pagesByUser, lastPages)))
        .consume();
    tx.run(SET_LAST_PAGES, Map.of("last", Neo4jRows.lastPages(pagesByUser))).consume();
  }

  @Override
  public Map<TopicPartition, Long> appliedOffsets(Collection<TopicPartition> partitions) {
    Map<TopicPartition, Long> asked = new HashMap<>();
    partitions.forEach(partition -> asked.put(partition, -1L));
    try (Session s = driver.session(session)) {
      return offsets(
          s.executeRead(
              tx -> tx.run(READ_OFFSETS, Map.of("partitions", partitions(asked))).list()));
    }
  }

  /**
   * The partitions as Cypher rows, sorted: two tasks that claim the same partitions while a
   * rebalance moves them lock their offset nodes in the same order, so one waits for the other
   * instead of deadlocking.
   */
  private static List<Map<String, Object>> partitions(Map<TopicPartition, Long> offsets) {
    Map<TopicPartition, Long> sorted = new TreeMap<>(PARTITION_ORDER);
    sorted.putAll(offsets);
    List<Map<String, Object>> rows = new ArrayList<>(offsets.size());
    sorted.forEach(
        (partition, offset) ->
            rows.add(
                Map.of(
                    "topic",
                    partition.topic(),
                    "partition",
                    (long) partition.partition(),
                    "offset",
                    offset)));
    return rows;
  }

  private static Map<TopicPartition, Long> offsets(List<Record> records) {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (Record r : records) {
      offsets.put(
          new TopicPartition(r.get("topic").asString(), r.get("partition").asInt()),
          r.get("offset").asLong());
    }
    return offsets;
  }

  @Override
  public ErrorKind classify(Throwable error) {
    // ended from outside, not refused: the server stopping mid-transaction (FaultsIT's store stop
    // failed the task on it), a transaction timeout or an administrator; a new one may succeed
    if (error instanceof RetryableException || error instanceof TransactionTerminatedException) {
      return ErrorKind.TRANSIENT;
    }
    if (error instanceof AuthenticationException
        || error instanceof SecurityException
        || error instanceof FatalDiscoveryException) {
      return ErrorKind.FATAL;
    }
    if (error instanceof ClientException client) {
      String code = String.valueOf(client.code());
      return code.startsWith("Neo.ClientError.Statement") || code.contains("ConstraintValidation")
          ? ErrorKind.DATA
          : ErrorKind.FATAL;
    }
    return ErrorKind.FATAL;
  }

  @Override
  public void close() {
    driver.close();
  }
}
