package dev.pageevents.redis;

import dev.pageevents.core.sink.ErrorKind;
import dev.pageevents.core.sink.ExactStoreWriter;
import dev.pageevents.core.sink.PageEventRecord;
import dev.pageevents.core.sink.exact.StoreLostWritesException;
import dev.pageevents.redis.RedisBatchPlan.ScriptCall;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisBusyException;
import redis.clients.jedis.exceptions.JedisClusterOperationException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Writes batches with one {@code EVALSHA} of the batch script per (hash-tag group, partition), all
 * of a batch's calls pipelined: the group's counters and its stored offset change together, and
 * updates the group already applied are skipped inside the script, so retries and replays never
 * count twice.
 *
 * <p>Replication in Redis is asynchronous: a master can acknowledge a call and die before its
 * replica has it, and the promoted replica then holds an older offset with the counters that go
 * with it. The writer remembers the offset each group last stored per partition and the script
 * refuses to apply anything on a group found below it ({@code LOSTWRITES}); the writer then throws
 * {@link StoreLostWritesException} and the task writes again from the group's stored offset.
 */
final class RedisWriter implements ExactStoreWriter {
  private static final String LOST_WRITES = "LOSTWRITES ";

  private record GroupPartition(int group, TopicPartition partition) {}

  private final UnifiedJedis redis;
  private final RedisKeys keys;
  private final RedisBatchPlan plan;
  private final Map<GroupPartition, Long> acknowledged = new HashMap<>();
  private String sha;

  RedisWriter(UnifiedJedis redis, RedisKeys keys) {
    this.redis = redis;
    this.keys = keys;
    this.plan = new RedisBatchPlan(keys);
  }

  /** Checks the stored layout (a changed group count fails the task) and loads the batch script. */
  @Override
  public void prepare() {
    RedisSchema.ensure(redis, keys);
    sha = RedisSchema.loadScript(redis, keys, 0);
  }

  @Override
  public void write(List<PageEventRecord> batch) {
    List<ScriptCall> calls =
        plan.plan(
            batch, (group, partition) -> acknowledged.get(new GroupPartition(group, partition)));
    try {
      runPipelined(calls);
    } catch (JedisNoScriptException e) {
      // A node restarted or failed over and lost its script cache: load it on every group's node
      // and run the batch once more; groups that applied their share skip it by stored offset.
      for (int group = 0; group < keys.groups(); group++) {
        RedisSchema.loadScript(redis, keys, group);
      }
      runPipelined(calls);
    }
  }

  /**
   * Sends every script call of the batch in one pipeline (one round trip per node instead of one
   * per call), remembers the offsets the successful calls stored, then surfaces lost writes before
   * any other error reply: a retry would write over the gap.
   */
  private void runPipelined(List<ScriptCall> calls) {
    List<Response<Object>> replies = new ArrayList<>(calls.size());
    try (AbstractPipeline pipeline = redis.pipelined()) {
      for (ScriptCall call : calls) {
        replies.add(pipeline.evalsha(sha, call.keys(), call.args()));
      }
      pipeline.sync();
    }
    RuntimeException firstError = null;
    Map<TopicPartition, Long> resumeFrom = new HashMap<>();
    List<String> lost = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      ScriptCall call = calls.get(i);
      GroupPartition target = new GroupPartition(call.group(), call.partition());
      try {
        replies.get(i).get();
        acknowledged.merge(target, call.lastOffset(), Math::max);
      } catch (JedisDataException e) {
        String reply = String.valueOf(e.getMessage());
        if (reply.startsWith(LOST_WRITES)) {
          // "LOSTWRITES <stored> <acknowledged> <topic:partition>"
          String[] parts = reply.split(" ", 4);
          acknowledged.remove(target);
          resumeFrom.merge(call.partition(), Long.parseLong(parts[1]) + 1, Math::min);
          lost.add(
              "group %d of %s stores offset %s, it had stored %s"
                  .formatted(call.group(), parts[3], parts[1], parts[2]));
        } else if (firstError == null) {
          firstError = e;
        }
      } catch (IllegalStateException e) {
        // Jedis leaves a reply unset when its node's connection broke during sync() (a node
        // restarting): the call may or may not have run, so retry; stored offsets skip applied
        // ones.
        if (firstError == null) {
          firstError =
              new JedisConnectionException("no reply to a pipelined script call from Redis", e);
        }
      }
    }
    if (!lost.isEmpty()) {
      throw new StoreLostWritesException(
          "Redis lost writes it had acknowledged (a failover to a replica that had not received"
              + " them, or a restart without persistence): "
              + String.join("; ", lost),
          resumeFrom);
    }
    if (firstError != null) {
      throw firstError;
    }
  }

  /**
   * Per partition, the lowest offset stored across the groups: every group has applied the
   * partition at least that far. A partition some group has no offset for is left out.
   */
  @Override
  public Map<TopicPartition, Long> appliedOffsets(Collection<TopicPartition> partitions) {
    Map<TopicPartition, Long> applied = new HashMap<>();
    for (TopicPartition partition : partitions) {
      String field = RedisKeys.offsetField(partition);
      Long lowest = null;
      for (int group = 0; group < keys.groups(); group++) {
        String stored = redis.hget(keys.offsets(group), field);
        if (stored == null) {
          lowest = null;
          break;
        }
        long offset = Long.parseLong(stored);
        lowest = lowest == null ? offset : Math.min(lowest, offset);
      }
      if (lowest != null) {
        applied.put(partition, lowest);
      }
    }
    return applied;
  }

  @Override
  public ErrorKind classify(Throwable error) {
    return classifyError(error);
  }

  static ErrorKind classifyError(Throwable error) {
    if (error instanceof JedisConnectionException
        || error instanceof JedisClusterOperationException
        || error instanceof JedisBusyException
        || error instanceof JedisNoScriptException) {
      return ErrorKind.TRANSIENT;
    }
    if (error instanceof JedisAccessControlException) {
      return ErrorKind.FATAL;
    }
    if (error instanceof JedisDataException) {
      return classifyReply(String.valueOf(error.getMessage()));
    }
    return ErrorKind.FATAL;
  }

  private static ErrorKind classifyReply(String message) {
    String reply = message.toUpperCase(Locale.ROOT);
    for (String transient_ :
        List.of("LOADING", "TRYAGAIN", "CLUSTERDOWN", "MASTERDOWN", "READONLY", "OOM", "BUSY")) {
      if (reply.startsWith(transient_) || reply.contains(" " + transient_ + " ")) {
        return ErrorKind.TRANSIENT;
      }
    }
    return reply.contains("WRONGTYPE") ? ErrorKind.DATA : ErrorKind.FATAL;
  }

  @Override
  public void close() {
    redis.close();
  }
}
