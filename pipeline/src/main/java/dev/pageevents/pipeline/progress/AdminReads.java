package dev.pageevents.pipeline.progress;

import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Runs a read through the Kafka Admin API, turning an interrupt or a failed call into an {@link
 * IllegalStateException} that says what was being read.
 */
public final class AdminReads {
  /** Admin calls that wait on their futures. */
  @FunctionalInterface
  public interface Read<T> {
    T run() throws InterruptedException, ExecutionException;
  }

  private AdminReads() {}

  /**
   * An Admin client for reads that should fail within seconds, not a minute, while a broker is down
   * (10 s per call, 5 s per request).
   */
  public static Admin open(String bootstrapServers, String clientId) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    return Admin.create(props);
  }

  /**
   * @param what what is read, e.g. "the offsets of page-events", for the failure's message
   */
  public static <T> T read(String what, Read<T> read) {
    try {
      return read.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading " + what, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not read " + what, e.getCause());
    }
  }
}
