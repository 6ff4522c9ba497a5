package dev.pageevents.configs;

import dev.pageevents.stack.KafkaConnectStack;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;

/**
 * Starts embedded workers with the settings of the shipped {@code worker/connect-distributed
 * .properties}, except those that say where the cluster is (the embedded stack picks them).
 */
final class WorkerFile {
  private static final Set<String> WHERE =
      Set.of(
          "bootstrap.servers",
          "group.id",
          "config.storage.topic",
          "offset.storage.topic",
          "status.storage.topic",
          "plugin.path",
          "listeners",
          "rest.advertised.host.name",
          "rest.advertised.port");

  private WorkerFile() {}

  static Properties distributed() throws IOException {
    Properties properties = new Properties();
    try (Reader in =
        Files.newBufferedReader(
            ModuleFiles.dir().resolve("worker").resolve("connect-distributed.properties"))) {
      properties.load(in);
    }
    return properties;
  }

  /** A one-worker, one-broker stack with the unpacked archives on its plugin.path. */
  static KafkaConnectStack stack() throws IOException {
    KafkaConnectStack.Builder builder =
        KafkaConnectStack.builder().pluginPath(Path.of(System.getProperty("plugins.dir")));
    distributed()
        .forEach(
            (key, value) -> {
              if (!WHERE.contains(key.toString())) {
                builder.workerProperty(key.toString(), value.toString());
              }
            });
    return builder.build().start();
  }
}
