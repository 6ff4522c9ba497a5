package dev.pageevents.source;

import dev.pageevents.source.ingest.file.FileIngestSettings;
import dev.pageevents.source.ingest.http.HttpIngestServer;
import dev.pageevents.source.ingest.http.HttpIngestSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The checks of {@code validate()} that need the worker's machine: a port that is in use, a
 * directory that is missing. Each error lands on its field, as REST /validate shows it.
 */
final class ConfigChecks {
  private ConfigChecks() {}

  static void check(Config config) {
    if (!valid(config, PageEventSourceConfig.MODE_CONFIG)) {
      return;
    }
    String mode = value(config, PageEventSourceConfig.MODE_CONFIG).toString();
    if ("http".equalsIgnoreCase(mode)) {
      checkPort(config);
    } else if ("file".equalsIgnoreCase(mode)) {
      checkDirectory(config);
    }
  }

  private static void checkPort(Config config) {
    if (!valid(config, HttpIngestSettings.HTTP_PORT_CONFIG)
        || !valid(config, HttpIngestSettings.HTTP_BIND_CONFIG)) {
      return;
    }
    int port = (Integer) value(config, HttpIngestSettings.HTTP_PORT_CONFIG);
    String bind = value(config, HttpIngestSettings.HTTP_BIND_CONFIG).toString();
    if (port == 0 || HttpIngestServer.isOpenHere(port)) {
      return;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(bind, port));
    } catch (IOException e) {
      error(
          config,
          HttpIngestSettings.HTTP_PORT_CONFIG,
          "Port "
              + port
              + " on "
              + bind
              + " cannot be opened ("
              + e.getMessage()
              + "); it is probably in use: pick a free port");
    }
  }

  private static void checkDirectory(Config config) {
    Object value = value(config, FileIngestSettings.FILE_DIRECTORY_CONFIG);
    String text = value == null ? "" : value.toString().trim();
    if (text.isEmpty()) {
      return; // a cross-field problem of the config, reported before these checks
    }
    try {
      Path directory = Path.of(text);
      if (!Files.isDirectory(directory)) {
        error(
            config,
            FileIngestSettings.FILE_DIRECTORY_CONFIG,
            "Directory " + text + " does not exist on the worker; create it or fix the path");
      } else if (!Files.isReadable(directory)) {
        error(
            config,
            FileIngestSettings.FILE_DIRECTORY_CONFIG,
            "Directory " + text + " is not readable by the worker; fix its permissions");
      }
    } catch (InvalidPathException e) {
      error(
          config,
          FileIngestSettings.FILE_DIRECTORY_CONFIG,
          "'" + text + "' is not a valid path: " + e.getMessage());
    }
  }

  private static Optional<ConfigValue> find(Config config, String name) {
    return config.configValues().stream().filter(v -> v.name().equals(name)).findFirst();
  }

  private static boolean valid(Config config, String name) {
    return find(config, name).map(v -> v.errorMessages().isEmpty()).orElse(false);
  }

  private static Object value(Config config, String name) {
    return find(config, name).map(ConfigValue::value).orElse(null);
  }

  private static void error(Config config, String name, String message) {
    find(config, name).ifPresent(v -> v.addErrorMessage(message));
  }
}
