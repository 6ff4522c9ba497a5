package dev.pageevents.pipeline.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlacementWatchTest {
  @Test
  void shouldReportOnlyTheLinesThatChanged() {
    assertThat(
            PlacementWatch.changes(
                List.of("  partition 0: leader broker 1", "  partition 1: leader broker 2"),
                List.of("  partition 0: leader broker 3", "  partition 1: leader broker 2")))
        .containsExactly("  partition 0: leader broker 3");
  }

  @Test
  void shouldPrintEachChangeOnceAndStopWhenThePlacementSettles() throws InterruptedException {
    Iterator<List<String>> reads =
        List.of(
                List.of("leader 1"),
                List.of("leader 2"),
                List.of("leader 2"),
                List.of("leader 2"),
                List.of("leader 2"))
            .iterator();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PlacementWatch watch =
        new PlacementWatch(
            Duration.ofSeconds(30),
            Duration.ofMillis(1500),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));

    List<String> last = watch.follow(reads::next, List.of("leader 1"), System.nanoTime());

    assertThat(last).containsExactly("leader 2");
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("leader 2").doesNotContain("leader 1");
    assertThat(printed.lines()).hasSize(1);
  }

  @Test
  void shouldReportAnUnreadablePlacementOnceAndKeepFollowing() throws InterruptedException {
    Iterator<List<String>> reads = List.of(List.of("slots moved")).iterator();
    int[] calls = {0};
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PlacementWatch watch =
        new PlacementWatch(
            Duration.ofMillis(4500),
            Duration.ofSeconds(10),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));

    watch.follow(
        () -> {
          if (calls[0]++ < 2) {
            throw new IllegalStateException("node down");
          }
          return reads.hasNext() ? reads.next() : List.of("slots moved");
        },
        List.of("slots"),
        System.nanoTime());

    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed.lines()).hasSize(2);
    assertThat(printed).containsOnlyOnce("(cannot read it now: node down)").contains("slots moved");
  }
}
