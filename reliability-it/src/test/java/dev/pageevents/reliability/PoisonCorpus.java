package dev.pageevents.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The poison corpus ({@code poison-corpus.json}): one case per entry, with a name, why it is bad,
 * and what a sink must do with it. {@code dlq}: not a page event, so it goes to the dead letter
 * queue with an error message holding every phrase. {@code stored}: hostile but valid (query or key
 * syntax in names, odd keys), so it is stored verbatim and harmlessly like any event. Values are
 * text ({@code value}, where {@code <<s*N>>} stands for s repeated N times), raw bytes ({@code
 * base64}) or absent ({@code null}: a tombstone).
 */
final class PoisonCorpus {
  private static final Pattern REPEAT = Pattern.compile("<<(.+?)\\*(\\d+)>>");

  /** One case: its record key and value as bytes (null when absent). */
  record Case(
      String name, String why, boolean toDlq, List<String> phrases, byte[] key, byte[] value) {}

  private PoisonCorpus() {}

  static List<Case> load() throws IOException {
    JsonNode root;
    try (InputStream in = PoisonCorpus.class.getResourceAsStream("/poison-corpus.json")) {
      root = Worker.json().readTree(in);
    }
    List<Case> cases = new ArrayList<>();
    for (JsonNode c : root.path("cases")) {
      List<String> phrases = new ArrayList<>();
      c.path("phrases").forEach(p -> phrases.add(p.asText()));
      String name = c.path("name").asText();
      byte[] key =
          c.path("keyNull").asBoolean(false)
              ? null
              : (c.has("key") ? c.path("key").asText() : name).getBytes(StandardCharsets.UTF_8);
      cases.add(
          new Case(
              name,
              c.path("why").asText(),
              "dlq".equals(c.path("expect").asText()),
              phrases,
              key,
              value(c)));
    }
    return cases;
  }

  private static byte[] value(JsonNode c) {
    if (c.path("null").asBoolean(false)) {
      return null;
    }
    if (c.has("base64")) {
      return Base64.getDecoder().decode(c.path("base64").asText());
    }
    Matcher m = REPEAT.matcher(c.path("value").asText());
    StringBuilder text = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          text, Matcher.quoteReplacement(m.group(1).repeat(Integer.parseInt(m.group(2)))));
    }
    m.appendTail(text);
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
