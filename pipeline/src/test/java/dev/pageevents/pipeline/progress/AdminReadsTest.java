package dev.pageevents.pipeline.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdminReadsTest {
  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void shouldReturnWhatTheReadReturned() {
    assertThat(AdminReads.read("the offsets of t", () -> 42L)).isEqualTo(42L);
  }

  @Test
  void shouldSayWhatCouldNotBeReadWithTheBrokersError() {
    RuntimeException broker = new RuntimeException("unknown topic");

    assertThatThrownBy(
            () ->
                AdminReads.read(
                    "the offsets of t",
                    () -> {
                      throw new ExecutionException(broker);
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Could not read the offsets of t")
        .hasCause(broker);
  }

  @Test
  void shouldKeepTheInterruptAndSayWhatWasBeingRead() {
    assertThatThrownBy(
            () ->
                AdminReads.read(
                    "the offsets of t",
                    () -> {
                      throw new InterruptedException();
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Interrupted while reading the offsets of t");
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }
}
