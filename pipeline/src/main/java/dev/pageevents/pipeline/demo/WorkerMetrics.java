package dev.pageevents.pipeline.demo;

import dev.pageevents.stack.ConnectWorkerServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * What the workers' processes show from outside: resident memory from {@code /proc/<pid>/status}
 * and, over remote JMX, the sinks' own task counters ({@code
 * dev.pageevents:type=sink-task-metrics}).
 */
public final class WorkerMetrics {
  private static final String SINK_METRICS = "dev.pageevents:type=sink-task-metrics,*";

  private WorkerMetrics() {}

  /** VmRSS of the process in KiB. */
  public static long rssKib(long pid) {
    try {
      for (String line :
          Files.readAllLines(
              Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
      throw new IllegalStateException("No VmRSS in /proc/" + pid + "/status");
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read /proc/" + pid + "/status", e);
    }
  }

  /**
   * One counter of the sink task metrics (e.g. "RecordsRetried"), summed per connector over the
   * tasks of every given running worker.
   */
  public static Map<String, Long> sinkCounter(List<ConnectWorkerServer> workers, String attribute) {
    Map<String, Long> sums = new TreeMap<>();
    for (ConnectWorkerServer worker : workers) {
      try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(worker.jmxUrl()))) {
        MBeanServerConnection server = jmx.getMBeanServerConnection();
        for (ObjectName name : server.queryNames(new ObjectName(SINK_METRICS), null)) {
          String connector = ObjectName.unquote(name.getKeyProperty("connector"));
          long value = ((Number) server.getAttribute(name, attribute)).longValue();
          sums.merge(connector, value, Long::sum);
        }
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read JMX of " + worker, e);
      } catch (javax.management.JMException e) {
        throw new IllegalStateException("Cannot read " + attribute + " from " + worker, e);
      }
    }
    return sums;
  }
}
