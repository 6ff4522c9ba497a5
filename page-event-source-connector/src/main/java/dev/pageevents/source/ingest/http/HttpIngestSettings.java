package dev.pageevents.source.ingest.http;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

/**
 * The HTTP endpoint's settings: their definitions and their values in a connector config.
 *
 * @param bearerToken required token, or null for none
 */
public record HttpIngestSettings(
    String bindAddress,
    int port,
    String bearerToken,
    int queueCapacity,
    long ackTimeoutMs,
    int maxBodyBytes,
    int threads,
    long requestTimeoutMs) {

  public static final String HTTP_GROUP = "HTTP ingest";

  public static final String HTTP_PORT_CONFIG = "http.port";
  private static final String HTTP_PORT_DOC = "Port of the HTTP ingest endpoint POST /events.";
  public static final String HTTP_BIND_CONFIG = "http.bind.address";
  private static final String HTTP_BIND_DOC =
      "Address the HTTP endpoint listens on; 0.0.0.0 accepts connections from other hosts.";
  public static final String HTTP_TOKEN_CONFIG = "http.bearer.token";
  private static final String HTTP_TOKEN_DOC =
      "When set, requests must carry 'Authorization: Bearer <token>' or get 401.";
  public static final String HTTP_QUEUE_CONFIG = "http.queue.capacity";
  private static final String HTTP_QUEUE_DOC =
      "Events accepted but not yet acknowledged by Kafka; a request that does not fit gets 429.";
  public static final String HTTP_ACK_TIMEOUT_CONFIG = "http.ack.timeout.ms";
  private static final String HTTP_ACK_TIMEOUT_DOC =
      "How long a request waits for Kafka to acknowledge its events before it gets 503.";
  public static final String HTTP_MAX_BODY_CONFIG = "http.max.body.bytes";
  private static final String HTTP_MAX_BODY_DOC = "Largest request body accepted (413 beyond).";
  public static final String HTTP_THREADS_CONFIG = "http.threads";
  private static final String HTTP_THREADS_DOC =
      "Connections served at once: each holds a thread while its request is read and until Kafka"
          + " acknowledges its events; more wait in line. Idle threads end after 30 s.";
  public static final String HTTP_REQUEST_TIMEOUT_CONFIG = "http.request.timeout.ms";
  private static final String HTTP_REQUEST_TIMEOUT_DOC =
      "How long a client may take to send its whole request (line, headers, body); a slower"
          + " connection is closed, so slow clients (slowloris) cannot hold the http.threads."
          + " A normal client waits at most about (slow connections / http.threads) times this.";

  /** Adds this mode's settings to the connector's definition, as their own group. */
  public static void define(ConfigDef def) {
    int order = 0;
    def.define(
        HTTP_PORT_CONFIG,
        Type.INT,
        8090,
        Range.between(0, 65_535),
        Importance.HIGH,
        HTTP_PORT_DOC,
        HTTP_GROUP,
        ++order,
        Width.SHORT,
        "Port");
    def.define(
        HTTP_BIND_CONFIG,
        Type.STRING,
        "127.0.0.1",
        new NonEmptyString(),
        Importance.MEDIUM,
        HTTP_BIND_DOC,
        HTTP_GROUP,
        ++order,
        Width.MEDIUM,
        "Bind address");
    def.define(
        HTTP_TOKEN_CONFIG,
        Type.PASSWORD,
        null,
        null,
        Importance.MEDIUM,
        HTTP_TOKEN_DOC,
        HTTP_GROUP,
        ++order,
        Width.MEDIUM,
        "Bearer token");
    def.define(
        HTTP_QUEUE_CONFIG,
        Type.INT,
        10_000,
        Range.atLeast(1),
        Importance.MEDIUM,
        HTTP_QUEUE_DOC,
        HTTP_GROUP,
        ++order,
        Width.SHORT,
        "Queue capacity");
    def.define(
        HTTP_ACK_TIMEOUT_CONFIG,
        Type.LONG,
        30_000L,
        Range.atLeast(1L),
        Importance.LOW,
        HTTP_ACK_TIMEOUT_DOC,
        HTTP_GROUP,
        ++order,
        Width.SHORT,
        "Ack timeout (ms)");
    def.define(
        HTTP_MAX_BODY_CONFIG,
        Type.INT,
        10 << 20,
        Range.atLeast(1),
        Importance.LOW,
        HTTP_MAX_BODY_DOC,
        HTTP_GROUP,
        ++order,
        Width.SHORT,
        "Max body bytes");
    def.define(
        HTTP_THREADS_CONFIG,
        Type.INT,
        64,
        Range.between(1, 1024),
        Importance.LOW,
        HTTP_THREADS_DOC,
        HTTP_GROUP,
        ++order,
        Width.SHORT,
        "Threads");
    def.define(
        HTTP_REQUEST_TIMEOUT_CONFIG,
        Type.LONG,
        10_000L,
        Range.between(100L, 600_000L),
        Importance.LOW,
        HTTP_REQUEST_TIMEOUT_DOC,
        HTTP_GROUP,
        ++order,
        Width.SHORT,
        "Request read timeout (ms)");
  }

  public static HttpIngestSettings from(AbstractConfig config) {
    Password token = config.getPassword(HTTP_TOKEN_CONFIG);
    return new HttpIngestSettings(
        config.getString(HTTP_BIND_CONFIG),
        config.getInt(HTTP_PORT_CONFIG),
        token == null || token.value().isEmpty() ? null : token.value(),
        config.getInt(HTTP_QUEUE_CONFIG),
        config.getLong(HTTP_ACK_TIMEOUT_CONFIG),
        config.getInt(HTTP_MAX_BODY_CONFIG),
        config.getInt(HTTP_THREADS_CONFIG),
        config.getLong(HTTP_REQUEST_TIMEOUT_CONFIG));
  }
}
