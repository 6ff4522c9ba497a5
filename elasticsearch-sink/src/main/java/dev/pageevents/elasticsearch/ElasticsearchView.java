package dev.pageevents.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.cat.nodes.NodesRecord;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.view.ClientStoreView;
import dev.pageevents.core.view.PageTotals;
import dev.pageevents.core.view.ViewSample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The read side of the Elasticsearch sink, over every index of its pattern: counts, full-text
 * search on pages, totals per page (terms aggregation), and which index and shard hold an event.
 * Never writes (it refreshes, so just-written documents are visible).
 */
public final class ElasticsearchView extends ClientStoreView {
  static final String STORE_NAME = "Elasticsearch";

  /** Most distinct pages {@link #totalsByPage} returns. */
  static final int MAX_PAGES = 10_000;

  /** How many full-text matches the demo's sample query shows. */
  private static final int SAMPLE_MATCHES = 3;

  private final ElasticsearchClient client;
  private final String indices;

  /**
   * A view over an open client, which the caller keeps and closes.
   *
   * @param indices the indices to read, e.g. {@code pageevents-*}
   */
  public ElasticsearchView(ElasticsearchClient client, String indices) {
    this(client, false, indices);
  }

  private ElasticsearchView(ElasticsearchClient client, boolean ownsClient, String indices) {
    super(STORE_NAME, client._transport(), ownsClient);
    this.client = client;
    this.indices = indices;
  }

  /**
   * A view that connects with a connector config (the same keys as the sink) and owns the client;
   * it reads every index the config's {@code index.pattern} can produce.
   */
  public static ElasticsearchView open(Map<String, String> connectorConfig) {
    ElasticsearchSinkConfig config = new ElasticsearchSinkConfig(connectorConfig);
    return new ElasticsearchView(
        new ElasticsearchClient(ElasticsearchClients.transport(config)),
        true,
        config.indexPattern().wildcard());
  }

  /** A full-text match on the last word of the sample page. */
  @Override
  public List<String> sampleQuery(ViewSample sample) {
    String term = lastWord(sample.page());
    List<Match> hits = sampleMatches(sample);
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            "  full-text match '%s' on the analysed page field (%s -> its words): %d shown",
            term, sample.page(), hits.size()));
    hits.forEach(h -> lines.add("    " + h.eventId() + "  " + h.page()));
    return lines;
  }

  /** The index, shard and node of the sample query's first match. */
  @Override
  public List<String> whereLives(ViewSample sample) {
    List<Match> hits = sampleMatches(sample);
    if (hits.isEmpty()) {
      return List.of();
    }
    try {
      Location where = whereIs(hits.get(0).eventId());
      return List.of(
          "  where it lives: document "
              + where.eventId()
              + " is in index "
              + where.index()
              + ", shard "
              + where.shard()
              + " on node "
              + where.node());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Match> sampleMatches(ViewSample sample) {
    try {
      return searchPages(lastWord(sample.page()), SAMPLE_MATCHES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String lastWord(String page) {
    return page.substring(page.lastIndexOf('/') + 1);
  }

  /**
   * Where an event's document lives.
   *
   * @param index the daily (or per-topic) index that holds it
   * @param shard the shard, as Elasticsearch names it: {@code [index][number]}
   * @param node the id of the node that answered from that shard
   */
  public record Location(String eventId, String index, String shard, String node) {}

  /** A document found by a search: its id and page. */
  public record Match(String eventId, String page) {}

  /** Makes every indexed document visible to search. */
  public void refresh() throws IOException {
    client.indices().refresh(r -> r.index(indices).allowNoIndices(true));
  }

  /**
   * The cluster's health and, per node, the primaries and replicas of the sink's indices it holds
   * ({@code _cat/shards}); empty on a single node.
   */
  @Override
  public List<String> placement() {
    try {
      HealthResponse health = client.cluster().health();
      if (health.numberOfNodes() < 2) {
        return List.of();
      }
      List<String> lines = new ArrayList<>();
      lines.add(
          String.format(
              "  cluster %s: %d nodes, status %s, %d unassigned shards",
              health.clusterName(),
              health.numberOfNodes(),
              health.status().jsonValue(),
              health.unassignedShards()));
      lines.addAll(
          ShardPlacement.lines(
              client.cat().shards(c -> c.index(indices)).valueBody().stream()
                  .map(
                      r ->
                          new ShardPlacement.ShardCopy(
                              r.index(), r.shard(), "p".equals(r.prirep()), r.state(), r.node()))
                  .toList()));
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public long count() throws IOException {
    refresh();
    return client.count(c -> c.index(indices).allowNoIndices(true)).count();
  }

  /** Full-text match on the page, e.g. "products" finds /products/123; at most {@code limit}. */
  public List<Match> searchPages(String text, int limit) throws IOException {
    refresh();
    SearchResponse<Map> response =
        client.search(
            s ->
                s.index(indices)
                    .allowNoIndices(true)
                    .size(limit)
                    .query(q -> q.match(m -> m.field(PageEvent.PAGE).query(text))),
            Map.class);
    return response.hits().hits().stream()
        .map(hit -> new Match(hit.id(), String.valueOf(hit.source().get(PageEvent.PAGE))))
        .toList();
  }

  /** Visits and total duration per page: a terms aggregation on page.keyword with a sum. */
  @Override
  public Map<String, PageTotals> totalsByPage() {
    try {
      return aggregateByPage();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read Elasticsearch: " + e, e);
    }
  }

  private Map<String, PageTotals> aggregateByPage() throws IOException {
    refresh();
    SearchResponse<Void> response =
        client.search(
            s ->
                s.index(indices)
                    .allowNoIndices(true)
                    .size(0)
                    .aggregations(
                        "pages",
                        a ->
                            a.terms(t -> t.field(ElasticsearchSchema.PAGE_KEYWORD).size(MAX_PAGES))
                                .aggregations(
                                    "duration",
                                    d -> d.sum(sum -> sum.field(PageEvent.DURATION_MS)))),
            Void.class);
    Map<String, PageTotals> totals = new TreeMap<>();
    Aggregate pages = response.aggregations().get("pages");
    if (pages == null) {
      return totals; // no index matches the pattern (yet, or after a rebuild cleared it): empty
    }
    for (StringTermsBucket bucket : pages.sterms().buckets().array()) {
      String page = bucket.key().stringValue();
      long duration = (long) bucket.aggregations().get("duration").sum().value();
      totals.put(page, new PageTotals(page, bucket.docCount(), duration));
    }
    return totals;
  }

  /**
   * The version and the nodes of the cluster that answered, from {@code _cat/nodes} (the typed
   * nodes-info response fails to decode on the embedded node).
   */
  @Override
  public Optional<String> answeredBy() {
    try {
      List<NodesRecord> nodes =
          client.cat().nodes(n -> n.h("name", "version", "http_address")).valueBody();
      String names =
          nodes.stream()
              .map(node -> node.name() + " " + node.httpAddress())
              .sorted()
              .toList()
              .toString();
      return Optional.of("Elasticsearch " + nodes.get(0).version() + ", nodes " + names);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Which index and shard hold the event (from a search with {@code explain}, which names both).
   */
  public Location whereIs(String eventId) throws IOException {
    refresh();
    SearchResponse<Void> response =
        client.search(
            s ->
                s.index(indices)
                    .allowNoIndices(true)
                    .explain(true)
                    .source(src -> src.fetch(false))
                    .query(q -> q.ids(ids -> ids.values(eventId))),
            Void.class);
    List<Hit<Void>> hits = response.hits().hits();
    if (hits.isEmpty()) {
      return new Location(eventId, null, null, null);
    }
    Hit<Void> hit = hits.get(0);
    return new Location(eventId, hit.index(), hit.shard(), hit.node());
  }
}
