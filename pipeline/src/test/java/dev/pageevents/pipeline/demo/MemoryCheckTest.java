package dev.pageevents.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryCheckTest {
  @TempDir Path dir;

  private Path meminfo(String availableKib) throws IOException {
    return Files.writeString(
        dir.resolve("meminfo"),
        "MemTotal:       24683520 kB\n"
            + "MemFree:        20284416 kB\n"
            + "MemAvailable:   "
            + availableKib
            + " kB\n"
            + "Buffers:          123456 kB\n");
  }

  @Test
  void shouldReadMemAvailableInMib() throws IOException {
    assertThat(MemoryCheck.availableMib(meminfo("4194304"))).hasValue(4096);
  }

  @Test
  void shouldRefuseWithWhatIsNeededAndWhatIsAvailable() throws IOException {
    Path file = meminfo("2097152");

    assertThatThrownBy(() -> MemoryCheck.require(8000, file, "./demo --cluster"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("./demo --cluster needs about 8,000 MiB")
        .hasMessageContaining("has 2,048 MiB available");
  }

  @Test
  void shouldPassWhenEnoughIsAvailable() throws IOException {
    assertThat(MemoryCheck.require(4096, meminfo("4194304"), "x")).hasValue(4096);
  }

  @Test
  void shouldNotCheckWhereTheSystemDoesNotSay() throws IOException {
    assertThat(MemoryCheck.require(8000, dir.resolve("absent"), "x")).isEmpty();
    Path noLine = Files.writeString(dir.resolve("old"), "MemTotal: 1024 kB\nMemFree: 10 kB\n");
    assertThat(MemoryCheck.require(8000, noLine, "x")).isEmpty();
  }
}
