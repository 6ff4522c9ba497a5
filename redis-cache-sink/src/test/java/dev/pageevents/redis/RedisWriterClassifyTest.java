package dev.pageevents.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.core.sink.ErrorKind;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

class RedisWriterClassifyTest {

  @Test
  void shouldRetryConnectionLossAndServerStates() {
    assertThat(RedisWriter.classifyError(new JedisConnectionException("reset")))
        .isEqualTo(ErrorKind.TRANSIENT);
    assertThat(RedisWriter.classifyError(new JedisDataException("LOADING Redis is loading")))
        .isEqualTo(ErrorKind.TRANSIENT);
    assertThat(RedisWriter.classifyError(new JedisDataException("CLUSTERDOWN The cluster is down")))
        .isEqualTo(ErrorKind.TRANSIENT);
  }

  @Test
  void shouldTreatWrongTypeAsDataAndAuthAsFatal() {
    assertThat(
            RedisWriter.classifyError(new JedisDataException("WRONGTYPE pe:{1}:page:x is a list")))
        .isEqualTo(ErrorKind.DATA);
    assertThat(RedisWriter.classifyError(new JedisAccessControlException("WRONGPASS")))
        .isEqualTo(ErrorKind.FATAL);
    assertThat(RedisWriter.classifyError(new JedisDataException("NOPERM no permissions")))
        .isEqualTo(ErrorKind.FATAL);
  }
}
