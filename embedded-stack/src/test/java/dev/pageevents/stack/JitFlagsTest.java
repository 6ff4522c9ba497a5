package dev.pageevents.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JitFlagsTest {
  private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

  @Test
  void shouldStartTestServersOnC1AndBenchmarkServersOnTheWholeJit() {
    ElasticsearchNode node =
        new ElasticsearchNode(
            "jit-flags-test", "127.0.0.1", 9200, 9300, List.of("discovery.type=single-node"));
    assertThat(node.command()).contains(C1_ONLY);

    node.fullJit();

    assertThat(node.command()).doesNotContain(C1_ONLY).contains("-Xmx384m");
  }
}
