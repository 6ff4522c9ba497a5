package dev.pageevents.pipeline.demo;

import dev.pageevents.cassandra.CassandraView;
import dev.pageevents.cassandra.CassandraView.PartitionLocation;
import dev.pageevents.cassandra.CassandraView.Visit;
import dev.pageevents.core.view.PageTotals;
import dev.pageevents.elasticsearch.ElasticsearchView;
import dev.pageevents.mongo.MongoView;
import dev.pageevents.neo4j.Neo4jView;
import dev.pageevents.pipeline.compare.Store;
import dev.pageevents.redis.RedisView;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * After the comparison: one query per store that shows what it is good at, and where a piece of the
 * data lives in it (shard key, token and replicas, shard, hash slot and node, neighbourhood). Every
 * query goes through the sink's own read view.
 */
final class Showcase {
  private final Map<Store, Map<String, String>> configs;
  private final PrintStream out;

  /**
   * @param configs each store's sink connector config, pointed at where the store runs
   */
  Showcase(Map<Store, Map<String, String>> configs, PrintStream out) {
    this.configs = configs;
    this.out = out;
  }

  /** Prints every store's query and location; a store that fails is reported, not fatal. */
  void print(String topPage, String user, Instant eventTime) {
    section(Store.MONGODB, () -> mongo(topPage));
    section(Store.CASSANDRA, () -> cassandra(topPage, eventTime));
    section(Store.ELASTICSEARCH, () -> elasticsearch(topPage));
    section(Store.REDIS, () -> redis(topPage, eventTime));
    section(Store.NEO4J, () -> neo4j(topPage, user));
  }

  private interface Section {
    void run() throws Exception;
  }

  private void section(Store store, Section section) {
    if (!configs.containsKey(store)) {
      return;
    }
    out.println();
    out.println("== " + store.title());
    try {
      section.run();
    } catch (Exception e) {
      out.println("  (could not query " + store.title() + ": " + e + ")");
    }
  }

  private void mongo(String page) {
    try (MongoView view = MongoView.open(configs.get(Store.MONGODB))) {
      List<PageTotals> top =
          view.totalsByPage().values().stream()
              .sorted(Comparator.comparingLong(PageTotals::visits).reversed())
              .limit(3)
              .toList();
      out.println("  aggregation ($group by page, $sum visits and duration), top 3:");
      top.forEach(
          t ->
              out.printf(
                  "    %-12s %,8d visits, %,14d ms%n", t.page(), t.visits(), t.totalDurationMs()));
      List<Document> latest = view.latestVisits(page, 1);
      if (!latest.isEmpty()) {
        MongoView.Location where = view.whereIs(String.valueOf(latest.get(0).get("_id")));
        out.println("  where it lives: shard key " + MongoView.SHARD_KEY.toJson());
        out.println("    " + where.explanation());
      }
      out.println("  answered by " + view.serverDescription());
    }
  }

  private void cassandra(String page, Instant time) {
    try (CassandraView view = CassandraView.open(configs.get(Store.CASSANDRA))) {
      List<Visit> visits = view.partition(page, time);
      out.printf(
          "  partition slice (page=%s, day of %s): %,d rows in clustering order, first 3:%n",
          page, time, visits.size());
      visits.stream()
          .limit(3)
          .forEach(
              v ->
                  out.printf(
                      "    %s  %s  %s  %,d ms%n", v.ts(), v.eventId(), v.user(), v.durationMs()));
      PartitionLocation where = view.locate(page, time);
      out.println(
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

  private void elasticsearch(String page) throws IOException {
    try (ElasticsearchView view = ElasticsearchView.open(configs.get(Store.ELASTICSEARCH))) {
      String term = page.substring(page.lastIndexOf('/') + 1);
      List<ElasticsearchView.Match> hits = view.searchPages(term, 3);
      out.printf(
          "  full-text match '%s' on the analysed page field (%s -> its words): %d shown%n",
          term, page, hits.size());
      hits.forEach(h -> out.println("    " + h.eventId() + "  " + h.page()));
      if (!hits.isEmpty()) {
        ElasticsearchView.Location where = view.whereIs(hits.get(0).eventId());
        out.println(
            "  where it lives: document "
                + where.eventId()
                + " is in index "
                + where.index()
                + ", shard "
                + where.shard()
                + " on node "
                + where.node());
      }
    }
  }

  private void redis(String page, Instant time) {
    try (RedisView view = RedisView.open(configs.get(Store.REDIS))) {
      out.println(
          "  top 5 pages in the time window holding " + time + " (sorted sets per bucket):");
      view.topPagesInBucket(time.toEpochMilli(), 5)
          .forEach(p -> out.printf("    %-12s %,d visits%n", p.page(), p.visits()));
      RedisView.KeyLocation where = view.locatePage(page);
      out.println(
          "  where it lives: key "
              + where.key()
              + " -> hash slot "
              + where.slot()
              + " on node "
              + where.node());
    }
  }

  private void neo4j(String page, String user) {
    try (Neo4jView view = Neo4jView.open(configs.get(Store.NEO4J))) {
      List<Neo4jView.PageVisits> pages = view.topPagesOfUser(user, 2);
      if (pages.size() >= 1) {
        String other = pages.get(pages.size() - 1).page();
        List<String> path = view.shortestPath(user, otherUser(view, other, user));
        out.println("  shortest path between two users through shared pages: " + path);
      }
      out.println("  where it lives: the neighbourhood of " + page + " (top 5 visitors):");
      view.neighbourhood(page, 5)
          .forEach(
              n -> out.printf("    (%s %s) -[:VISITED %d]-%n", n.label(), n.name(), n.count()));
    }
  }

  private static String otherUser(Neo4jView view, String page, String user) {
    return view.neighbourhood(page, 10).stream()
        .map(Neo4jView.Neighbour::name)
        .filter(name -> !name.equals(user))
        .reduce((a, b) -> b)
        .orElse(user);
  }
}
