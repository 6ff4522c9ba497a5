package dev.pageevents.redis;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.apache.kafka.common.TopicPartition;

/**
 * The key layout. Every key starts with {@code <prefix>:{<group>}:}, so the hash tag — and thus the
 * hash slot — is the group number alone; names from data come last and can never change it, even
 * when they contain braces. A page's keys live in the group of its name, a user's in the group of
 * the user id, and each group has its own hash of stored offsets beside its counters.
 *
 * <pre>
 * prefix:{g}:page:NAME            hash: visits, durationMs, lastSeenMs
 * prefix:{g}:bucket:START:NAME    visits of NAME in the bucket starting at START (epoch s), TTL
 * prefix:{g}:top                  zset: page -> visits, all time
 * prefix:{g}:top:START            zset: page -> visits in the bucket starting at START, TTL
 * prefix:{g}:user:ID              hash: lastPage, lastSeenMs
 * prefix:{g}:offsets              hash: topic:partition -> last applied offset
 * prefix:meta                     hash: layout version and group count
 * </pre>
 *
 * @param prefix the key prefix
 * @param groups how many hash-tag groups
 * @param bucketSeconds width of a time bucket
 * @param bucketTtlSeconds how long a bucket lives after its last update
 */
public record RedisKeys(String prefix, int groups, int bucketSeconds, int bucketTtlSeconds) {

  /** The group that holds a page's or user's keys: CRC-32 of the UTF-8 name, modulo groups. */
  public int groupOf(String name) {
    CRC32 crc = new CRC32();
    crc.update(name.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % groups);
  }

  /** The start of a group's keys, hash tag included. */
  public String groupPrefix(int group) {
    return prefix + ":{" + group + "}:";
  }

  public String page(String page) {
    return page(groupOf(page), page);
  }

  /** A page's hash, when its group ({@link #groupOf}) is already known. */
  String page(int group, String page) {
    return groupPrefix(group) + "page:" + page;
  }

  public String bucket(String page, long bucketStart) {
    return bucket(groupOf(page), page, bucketStart);
  }

  /** A page's bucket counter, when its group ({@link #groupOf}) is already known. */
  String bucket(int group, String page, long bucketStart) {
    return groupPrefix(group) + "bucket:" + bucketStart + ":" + page;
  }

  public String top(int group) {
    return groupPrefix(group) + "top";
  }

  public String bucketTop(int group, long bucketStart) {
    return groupPrefix(group) + "top:" + bucketStart;
  }

  public String user(String user) {
    return user(groupOf(user), user);
  }

  /** A user's hash, when its group ({@link #groupOf}) is already known. */
  String user(int group, String user) {
    return groupPrefix(group) + "user:" + user;
  }

  public String offsets(int group) {
    return groupPrefix(group) + "offsets";
  }

  public String meta() {
    return prefix + ":meta";
  }

  /** The field of a partition in an offsets hash (Kafka topic names cannot contain ':'). */
  public static String offsetField(TopicPartition partition) {
    return partition.topic() + ":" + partition.partition();
  }

  /** The start (epoch seconds) of the bucket an event time falls in. */
  public long bucketStart(long timestampMs) {
    long seconds = Math.floorDiv(timestampMs, 1000L);
    return seconds - Math.floorMod(seconds, (long) bucketSeconds);
  }
}
