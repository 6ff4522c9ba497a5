package dev.pageevents.configs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads the connector configs (one flat JSON object per connector, named {@code <name>.json}) from
 * a directory or from the copies bundled in this jar, and applies {@code <connector>.<key>=<value>}
 * overrides.
 */
public final class ConnectorConfigs {
  /**
   * Where the bundled copies of {@code connect-configs/connectors/*.json} live on the classpath.
   */
  public static final String BUNDLED_DIR = "connect-configs/connectors";

  /**
   * The key that says where each sink's store is (the source reaches no store): what to override
   * with {@code --set} to point a shipped config at other servers.
   */
  public static final Map<String, String> STORE_ADDRESS_KEYS =
      Map.of(
          "mongo-sink", "mongodb.uri",
          "cassandra-sink", "cassandra.hosts",
          "elasticsearch-sink", "elasticsearch.urls",
          "redis-cache-sink", "redis.hosts",
          "neo4j-graph-sink", "neo4j.uri");

  private static final String SUFFIX = ".json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT =
      new TypeReference<>() {};

  private ConnectorConfigs() {}

  /** Every {@code *.json} in {@code dir}: name (file name without .json) to config, by name. */
  public static Map<String, Map<String, String>> load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("Not a directory of connector configs: " + dir);
    }
    Map<String, Map<String, String>> configs = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - SUFFIX.length());
        try (InputStream in = Files.newInputStream(file)) {
          configs.put(name, parse(name, in));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read connector configs in " + dir, e);
    }
    if (configs.isEmpty()) {
      throw new IllegalArgumentException("No *.json connector configs in " + dir);
    }
    return Collections.unmodifiableMap(configs);
  }

  /** The configs shipped inside this jar (the same files as {@code connect-configs/connectors}). */
  public static Map<String, Map<String, String>> bundled() {
    URL url = ConnectorConfigs.class.getClassLoader().getResource(BUNDLED_DIR);
    if (url == null) {
      throw new IllegalStateException(BUNDLED_DIR + " is not on the classpath");
    }
    try {
      URI uri = url.toURI();
      if (!"jar".equals(uri.getScheme())) {
        return load(Path.of(uri));
      }
      try {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          return load(jar.getPath(BUNDLED_DIR));
        }
      } catch (FileSystemAlreadyExistsException e) {
        return load(FileSystems.getFileSystem(uri).getPath(BUNDLED_DIR));
      }
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("Cannot read the bundled connector configs at " + url, e);
    }
  }

  /**
   * Parses one config: a flat JSON object whose values are strings (numbers and booleans are
   * accepted and turned into text); a {@code name} field, when present, must equal {@code name}.
   */
  public static Map<String, String> parse(String name, InputStream json) throws IOException {
    Map<String, Object> raw = JSON.readValue(json, OBJECT);
    if (raw == null) {
      throw new IllegalArgumentException("Connector config " + name + " is empty");
    }
    Map<String, String> config = new LinkedHashMap<>();
    raw.forEach(
        (key, value) -> {
          if (value instanceof Map<?, ?> || value instanceof List<?> || value == null) {
            throw new IllegalArgumentException(
                "Connector config "
                    + name
                    + ": '"
                    + key
                    + "' must be a string, not "
                    + (value == null ? "null" : "a JSON object or array"));
          }
          config.put(key, value.toString());
        });
    String declared = config.get("name");
    if (declared != null && !declared.equals(name)) {
      throw new IllegalArgumentException(
          "Connector config "
              + name
              + ".json names the connector '"
              + declared
              + "': rename the file or the 'name' field so they agree");
    }
    return config;
  }

  /**
   * Applies overrides of the form {@code <connector>.<key>=<value>} (the connector name is the text
   * before the first dot; names contain no dots, keys do). An empty value sets the key to "".
   *
   * @throws IllegalArgumentException for a malformed override or an unknown connector
   */
  public static Map<String, Map<String, String>> withOverrides(
      Map<String, Map<String, String>> configs, List<String> overrides) {
    Map<String, Map<String, String>> result = new TreeMap<>();
    configs.forEach((name, config) -> result.put(name, new LinkedHashMap<>(config)));
    List<String> unknown = new ArrayList<>();
    for (String override : overrides) {
      Setting parsed = Setting.parse(override);
      Map<String, String> config = result.get(parsed.connector());
      if (config == null) {
        unknown.add(parsed.connector());
      } else {
        config.put(parsed.key(), parsed.value());
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "--set names unknown connectors " + unknown + "; known: " + configs.keySet());
    }
    result.replaceAll((name, config) -> Collections.unmodifiableMap(config));
    return Collections.unmodifiableMap(result);
  }

  /** One {@code <connector>.<key>=<value>} override. */
  record Setting(String connector, String key, String value) {
    static Setting parse(String text) {
      int equals = text.indexOf('=');
      int dot = text.indexOf('.');
      if (equals < 0 || dot <= 0 || dot > equals - 2) {
        throw new IllegalArgumentException(
            "--set expects <connector>.<key>=<value>, e.g. redis-cache-sink.redis.hosts=host:6379;"
                + " got '"
                + text
                + "'");
      }
      return new Setting(
          text.substring(0, dot), text.substring(dot + 1, equals), text.substring(equals + 1));
    }
  }
}
