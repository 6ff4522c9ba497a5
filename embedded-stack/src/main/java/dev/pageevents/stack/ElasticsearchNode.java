package dev.pageevents.stack;

import dev.pageevents.stack.launch.ElasticsearchNodeMain;
import dev.pageevents.stack.process.ForkedProcess;
import dev.pageevents.stack.process.JavaCommand;
import dev.pageevents.stack.process.Poll;
import dev.pageevents.stack.process.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One Elasticsearch 8.19 node in its own JVM, run by {@link ElasticsearchNodeMain}. */
final class ElasticsearchNode extends ForkedServer {
  private final String host;
  private final int httpPort;
  private final int transportPort;
  private final List<String> discovery;

  ElasticsearchNode(
      String name, String host, int httpPort, int transportPort, List<String> discovery) {
    super(name);
    this.host = host;
    this.httpPort = httpPort;
    this.transportPort = transportPort;
    this.discovery = discovery;
  }

  @Override
  public String endpoint() {
    return "http://" + host + ":" + httpPort;
  }

  /** The node's {@code node.name}, as the cluster's APIs name it. */
  String nodeName() {
    return name;
  }

  @Override
  protected void prepare() {
    // Elasticsearch creates its data directory under path.home itself.
  }

  @Override
  protected void checkPorts() {
    Ports.requireFree(name, host, httpPort, transportPort);
  }

  @Override
  protected List<String> command() {
    List<String> settings = new ArrayList<>();
    settings.add("cluster.name=pageevents");
    settings.add("node.name=" + name);
    settings.add("path.home=" + dir.toAbsolutePath());
    settings.add("network.host=" + host);
    settings.add("http.port=" + httpPort);
    settings.add("transport.port=" + transportPort);
    settings.add("cluster.routing.allocation.disk.threshold_enabled=false");
    settings.addAll(discovery);
    return JavaCommand.of(Path.of(System.getProperty("java.home")), "elasticsearch")
        .jvm(jvmFlags())
        .build(dir, ElasticsearchNodeMain.class.getName(), settings.toArray(String[]::new));
  }

  private String[] jvmFlags() {
    List<String> flags = new ArrayList<>(List.of("-Xms256m", "-Xmx384m", "-XX:+UseG1GC"));
    flags.addAll(jitFlags());
    flags.add("-Dio.netty.allocator.numDirectArenas=0");
    return flags.toArray(String[]::new);
  }

  @Override
  protected void awaitReady(ForkedProcess process) {
    Poll.until(
        name + " answers HTTP on " + endpoint(),
        Duration.ofSeconds(90),
        process,
        () -> Http.status(endpoint() + "/_cluster/health?timeout=1s") == 200);
  }
}
