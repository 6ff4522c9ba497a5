package dev.pageevents.benchmarks.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Adds the {@code META-INF/services} manifest mongo-kafka 2.0.1 does not ship, as a small jar in
 * its plugin directory, so the worker can keep {@code plugin.discovery=service_load} (a scanning
 * worker took over two minutes to start on a loaded machine).
 */
final class ServiceManifest {
  static final String MONGO_KAFKA_SINK = "com.mongodb.kafka.connect.MongoSinkConnector";

  private ServiceManifest() {}

  static void writeMongoKafka(Path plugins) throws IOException {
    Path jar = plugins.resolve("mongo-kafka-connect").resolve("mongo-kafka-service-manifest.jar");
    Files.createDirectories(jar.getParent());
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(
          new JarEntry("META-INF/services/org.apache.kafka.connect.sink.SinkConnector"));
      out.write((MONGO_KAFKA_SINK + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
  }
}
