package dev.pageevents.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a plugin archive's {@code manifest.json} in the Confluent Hub component format with a JSON
 * writer, so descriptions with line breaks or quotes stay valid JSON. The build runs it for every
 * plugin: {@code PluginManifest <out> key=value...} with the keys of {@link #KEYS}; list values are
 * separated by {@code |}.
 */
public final class PluginManifest {
  /** Every key the manifest is built from; each must be given, none may be empty. */
  static final Set<String> KEYS =
      Set.of(
          "name",
          "version",
          "title",
          "description",
          "component.type",
          "tags",
          "owner.username",
          "owner.name",
          "requirements",
          "workers",
          "documentation.url",
          "source.url",
          "license.name",
          "license.url",
          "delivery.guarantee",
          "release.date");

  private PluginManifest() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: PluginManifest <out> key=value...");
    }
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    json.writeValue(
        out.toFile(), manifest(json, settings(Arrays.copyOfRange(args, 1, args.length))));
  }

  /** The {@code key=value} arguments; fails naming each key that is missing, empty or unknown. */
  static Map<String, String> settings(String... pairs) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String pair : pairs) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("Not key=value: " + pair);
      }
      settings.put(pair.substring(0, equals), pair.substring(equals + 1).strip());
    }
    List<String> wrong =
        KEYS.stream()
            .filter(
                key -> settings.getOrDefault(key, "").isEmpty() || settings.get(key).contains("${"))
            .sorted()
            .toList();
    List<String> unknown = settings.keySet().stream().filter(k -> !KEYS.contains(k)).toList();
    if (!wrong.isEmpty() || !unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "Manifest settings missing, empty or unresolved: " + wrong + "; unknown: " + unknown);
    }
    return settings;
  }

  /** The manifest of one plugin. */
  static ObjectNode manifest(ObjectMapper json, Map<String, String> s) {
    ObjectNode manifest = json.createObjectNode();
    manifest.put("name", s.get("name"));
    manifest.put("version", s.get("version"));
    manifest.put("title", s.get("title"));
    manifest.put("description", s.get("description").replaceAll("\\s+", " "));
    manifest
        .putObject("owner")
        .put("username", s.get("owner.username"))
        .put("type", "organization")
        .put("name", s.get("owner.name"));
    manifest
        .putObject("support")
        .put("summary", "Community support through the project's issue tracker.")
        .put("url", s.get("source.url"))
        .put("provider_name", s.get("owner.name"));
    manifest.putArray("component_types").add(s.get("component.type"));
    list(manifest.putArray("tags"), s.get("tags"));
    ArrayNode requirements = manifest.putArray("requirements");
    requirements.add("Apache Kafka Connect worker, versions tested: " + s.get("workers"));
    list(requirements, s.get("requirements"));
    ObjectNode features = manifest.putObject("features");
    features.putArray("supported_encodings").add("any");
    features.put("single_message_transforms", true);
    features.put("confluent_control_center_integration", false);
    features.put("kafka_connect_api", true);
    features.put("delivery_guarantee", s.get("delivery.guarantee"));
    manifest.put("documentation_url", s.get("documentation.url"));
    manifest.put("source_url", s.get("source.url"));
    manifest
        .putArray("license")
        .addObject()
        .put("name", s.get("license.name"))
        .put("url", s.get("license.url"));
    manifest.put("release_date", s.get("release.date"));
    return manifest;
  }

  private static void list(ArrayNode array, String values) {
    Arrays.stream(values.split("\\|")).map(String::strip).forEach(array::add);
  }
}
