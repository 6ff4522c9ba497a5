package dev.pageevents.pipeline.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.core.view.StoreViewFactory;
import dev.pageevents.core.view.StoreViews;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreTest {
  @Test
  void shouldFindEveryStoresViewFactoryByItsSinkConnectorClass() {
    for (Store store : Store.values()) {
      assertThat(StoreViews.forConnector(store.connectorClass()))
          .map(StoreViewFactory::connectorClass)
          .contains(store.connectorClass());
    }
  }

  @Test
  void shouldKeepTheTableColumnNamesAndOrder() {
    assertThat(Arrays.stream(Store.values()).map(Store::title))
        .containsExactly("MongoDB", "Cassandra", "Elasticsearch", "Redis", "Neo4j");
  }

  @Test
  void shouldFindNoFactoryForTheSourceConnector() {
    assertThat(
            StoreViews.forConfig(
                Map.of("connector.class", "dev.pageevents.source.PageEventSourceConnector")))
        .isEmpty();
    assertThat(
            Store.of(Map.of("connector.class", "dev.pageevents.source.PageEventSourceConnector")))
        .isEmpty();
  }

  @Test
  void shouldOfferTimeBucketsOnlyForRedis() {
    assertThat(Arrays.stream(Store.values()).filter(Store::keepsTimeBuckets))
        .containsExactly(Store.REDIS);
  }

  @Test
  void shouldPointEachSinkAtItsEndpoint() {
    assertThat(Store.MONGODB.connection("mongodb://127.0.0.1:27017"))
        .isEqualTo(Map.of("mongodb.uri", "mongodb://127.0.0.1:27017"));
    assertThat(Store.REDIS.connection("redis://127.0.0.1:6390"))
        .containsEntry("redis.mode", "standalone")
        .containsEntry("redis.hosts", "127.0.0.1:6390");
    assertThat(Store.REDIS.connection("127.0.0.1:7000,127.0.0.1:7001"))
        .containsEntry("redis.mode", "cluster")
        .containsEntry("redis.hosts", "127.0.0.1:7000,127.0.0.1:7001");
    assertThat(Store.NEO4J.connection("bolt://127.0.0.1:7687")).containsEntry("neo4j.username", "");
  }
}
