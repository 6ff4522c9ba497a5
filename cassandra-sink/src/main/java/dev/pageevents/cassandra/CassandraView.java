package dev.pageevents.cassandra;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import com.datastax.oss.driver.api.core.metadata.token.Token;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import dev.pageevents.core.view.ClientStoreView;
import dev.pageevents.core.view.PageTotals;
import dev.pageevents.core.view.ViewSample;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The read side of the sink (never writes): totals per page for the demo's comparison, the visits
 * of one page/bucket partition in clustering order, and where that partition lives (its token and
 * replica nodes, from the driver's token map).
 */
public final class CassandraView extends ClientStoreView {
  static final String STORE_NAME = "Cassandra";

  private static final int PAGE_SIZE = 5000;

  private final CqlSession session;
  private final CqlIdentifier keyspace;
  private final TimeBucket bucket;
  private final PreparedStatement partitionQuery;

  /** One row of a page/bucket partition. */
  public record Visit(Instant ts, String eventId, String user, long durationMs) {}

  /**
   * Where one partition lives.
   *
   * @param token the partition key's token, as the partitioner formats it
   * @param replicas the replica nodes' addresses (host:port), sorted
   */
  public record PartitionLocation(
      String page, String bucket, String token, List<String> replicas) {}

  /** A view over an open session, which the caller keeps and closes. */
  public CassandraView(CqlSession session, CqlIdentifier keyspace, TimeBucket bucket) {
    this(session, false, keyspace, bucket);
  }

  private CassandraView(
      CqlSession session, boolean ownsSession, CqlIdentifier keyspace, TimeBucket bucket) {
    super(STORE_NAME, session, ownsSession);
    this.session = session;
    this.keyspace = keyspace;
    this.bucket = bucket;
    this.partitionQuery =
        session.prepare(
            "SELECT ts, event_id, user, duration_ms FROM "
                + keyspace.asCql(true)
                + "."
                + CassandraSchema.PAGE_TABLE
                + " WHERE page = ? AND day = ?");
  }

  /**
   * A view that connects with a connector config (the same keys as the sink) and owns the session.
   */
  public static CassandraView open(Map<String, String> connectorConfig) {
    CassandraSinkConfig config = new CassandraSinkConfig(connectorConfig);
    CqlSession session = CassandraSessions.open(config);
    try {
      return new CassandraView(session, true, config.keyspace(), config.bucket());
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /** Visits and total duration per page over the whole table (a paged full scan). */
  public Map<String, PageTotals> totalsByPage() {
    Map<String, long[]> sums = new TreeMap<>();
    SimpleStatement scan =
        SimpleStatement.newInstance(
                "SELECT page, duration_ms FROM "
                    + keyspace.asCql(true)
                    + "."
                    + CassandraSchema.PAGE_TABLE)
            .setPageSize(PAGE_SIZE);
    for (Row row : session.execute(scan)) {
      long[] sum = sums.computeIfAbsent(row.getString(0), p -> new long[2]);
      sum[0]++;
      sum[1] += row.getLong(1);
    }
    Map<String, PageTotals> totals = new TreeMap<>();
    sums.forEach((page, sum) -> totals.put(page, new PageTotals(page, sum[0], sum[1])));
    return totals;
  }

  /** The visits of {@code page} in the bucket holding {@code time}, newest first. */
  public List<Visit> partition(String page, Instant time) {
    List<Visit> visits = new ArrayList<>();
    for (Row row :
        session.execute(partitionQuery.bind(page, bucket.of(time)).setPageSize(PAGE_SIZE))) {
      visits.add(new Visit(row.getInstant(0), row.getString(1), row.getString(2), row.getLong(3)));
    }
    return visits;
  }

  /** The Cassandra version and address of the node that coordinated a read of its own row. */
  @Override
  public Optional<String> answeredBy() {
    ResultSet result = session.execute("SELECT release_version FROM system.local");
    return Optional.of(
        "Cassandra "
            + result.one().getString(0)
            + " at "
            + address(result.getExecutionInfo().getCoordinator()));
  }

  /** The token of the page/bucket partition holding {@code time} and its replica nodes. */
  public PartitionLocation locate(String page, Instant time) {
    String day = bucket.of(time);
    TokenMap tokens = tokenMap();
    ProtocolVersion version = session.getContext().getProtocolVersion();
    Token token =
        tokens.newToken(
            TypeCodecs.TEXT.encode(page, version), TypeCodecs.TEXT.encode(day, version));
    List<String> replicas =
        tokens.getReplicas(keyspace, token).stream().map(CassandraView::address).sorted().toList();
    return new PartitionLocation(page, day, tokens.format(token), replicas);
  }

  /**
   * Per node, as the driver sees the ring now: its state (UP, DOWN), the token ranges it owns and
   * their share of the ring, and how many ranges of the keyspace it holds a replica of.
   */
  @Override
  public List<String> placement() {
    List<Node> nodes =
        session.getMetadata().getNodes().values().stream()
            .sorted(Comparator.comparing(CassandraView::address))
            .toList();
    if (nodes.size() < 2) {
      return List.of();
    }
    TokenMap tokens = tokenMap();
    List<String> lines = new ArrayList<>();
    session
        .getMetadata()
        .getKeyspace(keyspace)
        .ifPresent(
            k ->
                lines.add(
                    "  keyspace " + keyspace.asInternal() + " replication " + k.getReplication()));
    for (Node node : nodes) {
      List<TokenRing.Range> owned =
          tokens.getTokenRanges(node).stream()
              .map(r -> new TokenRing.Range(tokens.format(r.getStart()), tokens.format(r.getEnd())))
              .toList();
      lines.add(
          String.format(
              "  node %s %s: owns %d token ranges (%.1f%% of the ring), holds replicas of %d",
              address(node),
              node.getState(),
              owned.size(),
              100 * TokenRing.share(owned),
              tokens.getTokenRanges(keyspace, node).size()));
    }
    return lines;
  }

  private TokenMap tokenMap() {
    return session
        .getMetadata()
        .getTokenMap()
        .orElseThrow(() -> new IllegalStateException("The driver has no token map"));
  }

  private static String address(Node node) {
    SocketAddress address = node.getEndPoint().resolve();
    if (address instanceof InetSocketAddress inet) {
      return inet.getAddress().getHostAddress() + ":" + inet.getPort();
    }
    return address.toString();
  }

  /** The sample page's partition for the day of the sample time, in clustering order. */
  @Override
  public List<String> sampleQuery(ViewSample sample) {
    List<Visit> visits = partition(sample.page(), sample.eventTime());
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            "  partition slice (page=%s, day of %s): %,d rows in clustering order, first 3:",
            sample.page(), sample.eventTime(), visits.size()));
    visits.stream()
        .limit(3)
        .forEach(
            v ->
                lines.add(
                    String.format(
                        "    %s  %s  %s  %,d ms", v.ts(), v.eventId(), v.user(), v.durationMs())));
    return lines;
  }

  /** The token and replicas of the sample page's partition. */
  @Override
  public List<String> whereLives(ViewSample sample) {
    PartitionLocation where = locate(sample.page(), sample.eventTime());
    return List.of(
        "  where it lives: partition ("
            + where.page()
            + ", "
            + where.bucket()
            + ") has token "
            + where.token()
            + ", replicas "
            + where.replicas());
  }
}
