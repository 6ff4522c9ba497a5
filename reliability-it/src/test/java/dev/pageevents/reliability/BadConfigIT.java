package dev.pageevents.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Protocol;

/**
 * The bad connector configs of {@code bad-configs.json} (missing, wrong types, out of range,
 * unreachable, wrong credentials, conflicting), each a valid config of one of the six connectors
 * with a few settings changed, sent to a real worker's {@code PUT
 * /connector-plugins/<class>/config/validate}: the error lands on the field to fix, says what to do
 * (a key phrase), and no response carries a stack trace.
 */
class BadConfigIT {
  private static final Logger log = LoggerFactory.getLogger(BadConfigIT.class);
  static final String ACL_USER = "pageevents-acl";
  static final String ACL_PASSWORD = "acl-s3cret-password";
  private static final Pattern STACK_TRACE =
      Pattern.compile(
          "\\bat (org|com|java|jdk|sun|redis|dev|io)\\.[\\w$.]+\\("
              + "|\\w+(Exception|Error):"
              + "|\\b(org|com|java|jdk|sun|io)\\.[\\w$.]+(Exception|Error)\\b");

  @BeforeAll
  static void createRedisAclUser() {
    URI uri = URI.create(dev.pageevents.stack.SharedServers.redis().endpoint());
    try (JedisPooled redis = new JedisPooled(new HostAndPort(uri.getHost(), uri.getPort()))) {
      redis.sendCommand(
          Protocol.Command.ACL,
          "SETUSER",
          ACL_USER,
          "reset",
          "on",
          ">" + ACL_PASSWORD,
          "~*",
          "+@all");
    }
  }

  static Stream<Arguments> cases() throws Exception {
    JsonNode root;
    try (InputStream in = BadConfigIT.class.getResourceAsStream("/bad-configs.json")) {
      root = Worker.json().readTree(in);
    }
    List<Arguments> cases = new ArrayList<>();
    root.path("cases").forEach(c -> cases.add(Arguments.of(c.path("name").asText(), c)));
    assertThat(cases).hasSizeGreaterThanOrEqualTo(20);
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldReportAnActionableErrorOnTheFieldWithoutAStackTrace(String name, JsonNode c)
      throws Exception {
    Map<String, String> config = baseConfig(c.path("connector").asText());
    config.put("name", name);
    c.path("set").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
    c.path("remove").forEach(field -> config.remove(field.asText()));

    HttpResponse<String> response = Worker.validate(config);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Matcher trace = STACK_TRACE.matcher(response.body());
    assertThat(trace.find() ? trace.group() : null)
        .as("stack trace pattern in %s", response.body())
        .isNull();
    JsonNode body = Worker.json().readTree(response.body());
    String field = c.path("field").asText();
    List<String> errors = new ArrayList<>();
    Map<String, List<String>> all = new HashMap<>();
    for (JsonNode value : body.path("configs")) {
      JsonNode v = value.path("value");
      List<String> messages = new ArrayList<>();
      v.path("errors").forEach(e -> messages.add(e.asText()));
      if (!messages.isEmpty()) {
        all.put(v.path("name").asText(), messages);
      }
      if (v.path("name").asText().equals(field)) {
        errors.addAll(messages);
      }
    }
    log.info("{} ({}): {}", name, c.path("why").asText(), all);
    assertThat(errors)
        .as("errors on %s (all errors: %s)", field, all)
        .anyMatch(message -> message.contains(c.path("phrase").asText()));
  }

  /** A config of the connector that validates cleanly against the embedded stores. */
  static Map<String, String> baseConfig(String connector) {
    if (connector.equals("SOURCE")) {
      Map<String, String> source = new HashMap<>();
      source.put("connector.class", "dev.pageevents.source.PageEventSourceConnector");
      source.put("tasks.max", "1");
      source.put("mode", "generator");
      source.put("topic", "bad-config");
      source.put("key.field", "page");
      source.put("events.per.second", "10");
      return source;
    }
    return Sink.valueOf(connector).connectorConfig("bad-config", "bad_config");
  }
}
