package dev.pageevents.core.testing;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads records from a sink's dead letter queue: the original value and Connect's error headers.
 */
public final class DeadLetters {
  /** The header with the message of the error that sent the record here. */
  public static final String EXCEPTION_MESSAGE = "__connect.errors.exception.message";

  private DeadLetters() {}

  /** The record's value as UTF-8 text, as the sinks' tests produced it. */
  public static String value(ConsumerRecord<byte[], byte[]> record) {
    return new String(record.value(), StandardCharsets.UTF_8);
  }

  /** The last header with this key as UTF-8 text, or null if there is none. */
  public static String header(ConsumerRecord<byte[], byte[]> record, String key) {
    Header header = record.headers().lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
