package dev.pageevents.benchmarks.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.event.PageEventJson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlainConsumerAppTest {
  @Test
  void shouldParseTheEventsTheBenchmarkTopicsHold() throws Exception {
    for (PageEvent event : BenchEvents.generate(100)) {
      byte[] json = PageEventJson.toJson(event).getBytes(StandardCharsets.UTF_8);

      assertThat(PlainConsumerApp.parse(json)).isEqualTo(event);
    }
  }
}
