package dev.pageevents.source.ingest.http;

import dev.pageevents.source.PageEventSourceConfig;

/**
 * The HTTP endpoint's settings, read from the connector config.
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
    int threads) {

  public static HttpIngestSettings from(PageEventSourceConfig config) {
    return new HttpIngestSettings(
        config.getString(PageEventSourceConfig.HTTP_BIND_CONFIG),
        config.getInt(PageEventSourceConfig.HTTP_PORT_CONFIG),
        config.bearerToken(),
        config.getInt(PageEventSourceConfig.HTTP_QUEUE_CONFIG),
        config.getLong(PageEventSourceConfig.HTTP_ACK_TIMEOUT_CONFIG),
        config.getInt(PageEventSourceConfig.HTTP_MAX_BODY_CONFIG),
        config.getInt(PageEventSourceConfig.HTTP_THREADS_CONFIG));
  }
}
