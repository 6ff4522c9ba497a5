package dev.pageevents.core.testing;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Reads the JMX metrics of a connector's sink tasks running in this JVM (an embedded Connect
 * cluster), summed over its tasks: how tests see retries and writes without fixed sleeps.
 */
public final class SinkTaskMetricsProbe {
  private SinkTaskMetricsProbe() {}

  /**
   * @param attribute e.g. "RecordsWritten", "RecordsRetried", "RecordsSentToDlq"
   */
  public static long sum(String connector, String attribute) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      ObjectName pattern =
          new ObjectName(
              "dev.pageevents:type=sink-task-metrics,connector="
                  + ObjectName.quote(connector)
                  + ",task=*");
      long total = 0;
      for (ObjectName name : server.queryNames(pattern, null)) {
        total += ((Number) server.getAttribute(name, attribute)).longValue();
      }
      return total;
    } catch (JMException e) {
      throw new IllegalStateException("Cannot read " + attribute + " of " + connector, e);
    }
  }
}
