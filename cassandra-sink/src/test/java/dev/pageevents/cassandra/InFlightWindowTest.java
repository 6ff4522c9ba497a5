package dev.pageevents.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InFlightWindowTest {
  private final ExecutorService executor = Executors.newFixedThreadPool(8);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void shouldNeverHaveMoreThanTheLimitInFlightAndWaitForAll() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    List<Supplier<CompletionStage<Void>>> requests = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      requests.add(
          () -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return CompletableFuture.runAsync(
                () -> {
                  sleepBriefly();
                  inFlight.decrementAndGet();
                  done.incrementAndGet();
                },
                executor);
          });
    }

    new InFlightWindow(3).runAll(requests);

    assertThat(done).hasValue(50);
    assertThat(peak.get()).isBetween(1, 3);
  }

  @Test
  void shouldThrowTheFirstFailureUnwrappedAndStartNothingAfterIt() {
    AtomicInteger started = new AtomicInteger();
    List<Supplier<CompletionStage<Void>>> requests = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      int index = i;
      requests.add(
          () -> {
            started.incrementAndGet();
            return index == 0
                ? CompletableFuture.failedFuture(new IllegalStateException("node down"))
                : CompletableFuture.completedFuture(null);
          });
    }

    assertThatThrownBy(() -> new InFlightWindow(1).runAll(requests))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("node down");
    assertThat(started).hasValue(1);
  }

  @Test
  void shouldReportAFailureRaisedWhileStartingARequest() {
    List<Supplier<CompletionStage<Void>>> requests =
        List.of(
            () -> {
              throw new IllegalArgumentException("cannot bind");
            });

    assertThatThrownBy(() -> new InFlightWindow(4).runAll(requests))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot bind");
  }

  private static void sleepBriefly() {
    try {
      TimeUnit.MILLISECONDS.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
