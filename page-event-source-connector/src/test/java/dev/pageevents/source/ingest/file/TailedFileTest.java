package dev.pageevents.source.ingest.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading complete lines of a growing file from a stored position. */
class TailedFileTest {
  @TempDir Path dir;

  private static void append(Path file, String text) throws Exception {
    Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  @Test
  void shouldReturnOnlyCompleteLinesAndTheRestOnceWhole() throws Exception {
    Path file = dir.resolve("a.ndjson");
    append(file, "one\r\ntwo\nthr");
    try (TailedFile tailed = new TailedFile(file, 0, 0)) {
      assertThat(tailed.read(10))
          .containsExactly(new TailedFile.Line("one", 1, 5), new TailedFile.Line("two", 2, 9));
      assertThat(tailed.read(10)).isEmpty();
      append(file, "ee\n");
      assertThat(tailed.read(10)).containsExactly(new TailedFile.Line("three", 3, 15));
    }
  }

  @Test
  void shouldResumeFromAStoredPosition() throws Exception {
    Path file = dir.resolve("a.ndjson");
    append(file, "one\ntwo\nthree\n");
    try (TailedFile tailed = new TailedFile(file, 8, 2)) {
      assertThat(tailed.read(10)).containsExactly(new TailedFile.Line("three", 3, 14));
    }
  }

  @Test
  void shouldStopAtTheLimitAndContinueAfterIt() throws Exception {
    Path file = dir.resolve("a.ndjson");
    append(file, "1\n2\n3\n");
    try (TailedFile tailed = new TailedFile(file, 0, 0)) {
      assertThat(tailed.read(2)).extracting(TailedFile.Line::text).containsExactly("1", "2");
      assertThat(tailed.read(2)).extracting(TailedFile.Line::text).containsExactly("3");
    }
  }

  @Test
  void shouldReadLinesLongerThanTheBuffer() throws Exception {
    Path file = dir.resolve("a.ndjson");
    String longLine = "x".repeat(200_000);
    append(file, longLine + "\nshort\n");
    try (TailedFile tailed = new TailedFile(file, 0, 0)) {
      List<TailedFile.Line> lines = tailed.read(10);
      assertThat(lines).extracting(TailedFile.Line::text).containsExactly(longLine, "short");
    }
  }

  @Test
  void shouldStartAgainWhenTheFileWasTruncated() throws Exception {
    Path file = dir.resolve("a.ndjson");
    append(file, "new\n");
    try (TailedFile tailed = new TailedFile(file, 100, 10)) {
      assertThat(tailed.read(10)).containsExactly(new TailedFile.Line("new", 1, 4));
    }
  }
}
