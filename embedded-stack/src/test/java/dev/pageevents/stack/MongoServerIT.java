package dev.pageevents.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StackExtension.class)
class MongoServerIT {

  @Test
  void shouldWriteAndReadBackThroughTheSyncDriverAndSayWhichMongoAnswered(
      @SharedServer(Store.MONGO) MongoServer mongo) {
    try (MongoClient client = MongoClients.create(mongo.endpoint())) {
      MongoCollection<Document> pages = client.getDatabase("smoke").getCollection("pages");
      pages.insertOne(new Document("_id", "/home").append("visits", 7));
      assertThat(pages.find(Filters.eq("_id", "/home")).first()).containsEntry("visits", 7);
    }
    if (mongo.kind() == MongoServer.Kind.STAND_IN) {
      mongo.stop();
      mongo.start();
      try (MongoClient client = MongoClients.create(mongo.endpoint())) {
        Document kept =
            client
                .getDatabase("smoke")
                .getCollection("pages")
                .find(Filters.eq("_id", "/home"))
                .first();
        assertThat(kept).containsEntry("visits", 7);
      }
    }
  }
}
