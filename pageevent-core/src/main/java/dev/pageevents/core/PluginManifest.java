package dev.pageevents.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a plugin archive's {@code manifest.json} (Confluent Hub layout) with a JSON writer, so
 * descriptions with line breaks or quotes stay valid JSON. The build runs it for every plugin:
 * {@code PluginManifest <out> <name> <version> <title> <description> <sink|source> <tag> <owner>
 * <owner name> <kafka version>}.
 */
public final class PluginManifest {
  private PluginManifest() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 10) {
      throw new IllegalArgumentException(
          "usage: PluginManifest <out> <name> <version> <title> <description> <type> <tag>"
              + " <owner> <owner name> <kafka version>");
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode manifest = json.createObjectNode();
    manifest.put("name", args[1]);
    manifest.put("version", args[2]);
    manifest.put("title", args[3]);
    manifest.put("description", args[4].strip().replaceAll("\\s+", " "));
    manifest.putObject("owner").put("username", args[7]).put("name", args[8]);
    manifest.putArray("component_types").add(args[5]);
    manifest.putArray("tags").add("page events").add(args[6]);
    manifest.putArray("requirements").add("Kafka Connect " + args[9] + " or later");
    ObjectNode features = manifest.putObject("features");
    features.putArray("supported_encodings").add("any");
    features.put("single_message_transforms", true);
    features.put("confluent_control_center_integration", false);
    features.put("kafka_connect_api", true);
    manifest
        .putArray("license")
        .addObject()
        .put("name", "Apache License 2.0")
        .put("url", "https://www.apache.org/licenses/LICENSE-2.0");
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    json.writeValue(out.toFile(), manifest);
  }
}
