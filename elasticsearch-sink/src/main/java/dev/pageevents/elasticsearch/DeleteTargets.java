package dev.pageevents.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the documents a batch deletes live. With a topic-only pattern the index follows from the
 * topic; with a date pattern a tombstone carries no event time, so the sink refreshes the pattern's
 * indices and looks the ids up (one search per batch that deletes): an id found in no index is
 * already gone, one found in several (its event time changed) is deleted from each.
 */
final class DeleteTargets {
  /** Most ids one batch may delete under a date pattern (one search page). */
  static final int MAX_HITS = 10_000;

  private DeleteTargets() {}

  /**
   * @param ids ids to find, with the topic each tombstone came from
   * @return the indices holding each id (an absent id maps to an empty list)
   */
  static Map<String, List<String>> find(
      ElasticsearchClient client, IndexPattern pattern, Map<String, String> ids)
      throws IOException {
    Map<String, List<String>> found = new HashMap<>();
    ids.forEach((id, topic) -> found.put(id, new ArrayList<>()));
    if (!pattern.timeBased()) {
      ids.forEach((id, topic) -> found.get(id).add(pattern.indexFor(topic, 0)));
      return found;
    }
    String wildcard = pattern.wildcard();
    client.indices().refresh(r -> r.index(wildcard).allowNoIndices(true).ignoreUnavailable(true));
    List<String> idList = List.copyOf(ids.keySet());
    SearchResponse<Void> response =
        client.search(
            s ->
                s.index(wildcard)
                    .allowNoIndices(true)
                    .ignoreUnavailable(true)
                    .size(MAX_HITS)
                    .source(src -> src.fetch(false))
                    .query(q -> q.ids(i -> i.values(idList))),
            Void.class);
    if (response.hits().total() != null && response.hits().total().value() > MAX_HITS) {
      throw new IllegalStateException(
          "A batch deletes ids held by more than "
              + MAX_HITS
              + " documents under "
              + wildcard
              + "; lower batch.size");
    }
    for (Hit<Void> hit : response.hits().hits()) {
      List<String> indices = found.get(hit.id());
      if (indices != null) {
        indices.add(hit.index());
      }
    }
    return found;
  }
}
