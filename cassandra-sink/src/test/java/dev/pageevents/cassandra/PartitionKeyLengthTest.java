package dev.pageevents.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.core.event.PageEvent;
import org.junit.jupiter.api.Test;

class PartitionKeyLengthTest {
  @Test
  void shouldAcceptKeysUpToTheLimitInUtf8Bytes() {
    String page = "p".repeat(CassandraWriter.MAX_KEY_BYTES);
    assertThat(CassandraWriter.tooLongKey(new PageEvent("e", page, "u", 0, 0))).isNull();
  }

  @Test
  void shouldNameTheFieldWhoseUtf8BytesExceedTheLimit() {
    String user = "é".repeat(CassandraWriter.MAX_KEY_BYTES / 2 + 1); // 2 bytes each
    assertThat(CassandraWriter.tooLongKey(new PageEvent("e", "/p", user, 0, 0)))
        .contains("field 'user' is 65536 bytes");
  }
}
