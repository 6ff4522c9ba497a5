package dev.pageevents.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import dev.pageevents.core.event.PageEvent;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * The index template every index of the sink is created from: an explicit, strict mapping (page as
 * text with a keyword sub-field, user keyword, timestamp date, durationMs long) and the configured
 * shards and replicas. Putting it again replaces it, so a restart applies changed settings to new
 * indices.
 */
final class ElasticsearchSchema {
  static final String PAGE_KEYWORD = PageEvent.PAGE + ".keyword";

  /** Keyword values longer than this are not indexed for terms aggregations (text still is). */
  static final int PAGE_KEYWORD_IGNORE_ABOVE = 2048;

  private ElasticsearchSchema() {}

  /**
   * Deletes every index the pattern's wildcard matches, by name (Elasticsearch refuses wildcard
   * deletes by default); the template stays, so the next write creates them again.
   */
  static void deleteIndices(ElasticsearchClient client, IndexPattern pattern) throws IOException {
    Set<String> names =
        client
            .indices()
            .get(g -> g.index(pattern.wildcard()).allowNoIndices(true).ignoreUnavailable(true))
            .result()
            .keySet();
    if (!names.isEmpty()) {
      client.indices().delete(d -> d.index(List.copyOf(names)));
    }
  }

  static void putTemplate(
      ElasticsearchClient client, String name, IndexPattern pattern, int shards, int replicas)
      throws IOException {
    client
        .indices()
        .putIndexTemplate(
            t ->
                t.name(name)
                    .indexPatterns(pattern.wildcard())
                    .priority(200L)
                    .template(
                        template ->
                            template
                                .settings(
                                    s ->
                                        s.numberOfShards(Integer.toString(shards))
                                            .numberOfReplicas(Integer.toString(replicas)))
                                .mappings(
                                    m ->
                                        m.dynamic(DynamicMapping.Strict)
                                            .properties(PageEvent.EVENT_ID, p -> p.keyword(k -> k))
                                            .properties(
                                                PageEvent.PAGE,
                                                p ->
                                                    p.text(
                                                        text ->
                                                            text.fields(
                                                                "keyword",
                                                                f ->
                                                                    f.keyword(
                                                                        k ->
                                                                            k.ignoreAbove(
                                                                                PAGE_KEYWORD_IGNORE_ABOVE)))))
                                            .properties(PageEvent.USER, p -> p.keyword(k -> k))
                                            .properties(PageEvent.TIMESTAMP, p -> p.date(d -> d))
                                            .properties(
                                                PageEvent.DURATION_MS, p -> p.long_(l -> l)))));
  }
}
