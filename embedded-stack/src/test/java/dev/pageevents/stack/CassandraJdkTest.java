package dev.pageevents.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassandraJdkTest {

  @Test
  void shouldRefuseAJdkCassandraCannotRunOnAndSayWhatToSet(@TempDir Path jdk) throws Exception {
    Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.1\"\n");
    assertThatThrownBy(() -> CassandraNode.requireSupportedJdk(jdk))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Cassandra 5.0 runs on JDK 11 or 17 only")
        .hasMessageContaining("is JDK 25.0.1")
        .hasMessageContaining("CASSANDRA_JAVA_HOME")
        .hasMessageContaining("CASSANDRA_CONTACT_POINTS");
  }

  @Test
  void shouldAcceptJdk17(@TempDir Path jdk) throws Exception {
    Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
    assertThat(CassandraNode.requireSupportedJdk(jdk)).isEqualTo(jdk);
  }
}
