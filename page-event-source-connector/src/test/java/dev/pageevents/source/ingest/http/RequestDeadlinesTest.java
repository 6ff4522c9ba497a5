package dev.pageevents.source.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestDeadlinesTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final RequestDeadlines deadlines = new RequestDeadlines(200, 0);

  @AfterEach
  void stop() {
    deadlines.close();
    pool.shutdownNow();
  }

  @Test
  void shouldInterruptAnExchangeStillReadingItsRequestAfterTheTimeout() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    deadlines
        .wrap(pool)
        .execute(
            () -> {
              try {
                Thread.sleep(30_000); // a client that never finishes its request
              } catch (InterruptedException e) {
                interrupted.countDown();
              }
            });

    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void shouldLeaveAnExchangeAloneOnceItsRequestIsRead() throws Exception {
    AtomicBoolean interrupted = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(1);
    deadlines
        .wrap(pool)
        .execute(
            () -> {
              deadlines.requestRead();
              try {
                Thread.sleep(1_000); // waiting for Kafka, longer than the request timeout
              } catch (InterruptedException e) {
                interrupted.set(true);
              }
              done.countDown();
            });

    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(interrupted).isFalse();
  }
}
