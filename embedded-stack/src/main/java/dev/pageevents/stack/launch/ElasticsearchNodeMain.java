package dev.pageevents.stack.launch;

import java.io.Closeable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * Runs one Elasticsearch 8 node in a forked JVM: no ready runner exists for 8.x, so this builds the
 * node's Environment and starts {@code MockNode} through its non-public constructor (the public
 * ones refuse to run as root) with the Netty transport. Reflection keeps Elasticsearch (and its
 * Lucene) off the compile and test classpath of this module. Arguments: {@code key=value} node
 * settings.
 */
public final class ElasticsearchNodeMain {
  private ElasticsearchNodeMain() {}

  public static void main(String[] args) throws Exception {
    Class<?> settingsClass = Class.forName("org.elasticsearch.common.settings.Settings");
    Object builder = settingsClass.getMethod("builder").invoke(null);
    Method put = builder.getClass().getMethod("put", String.class, String.class);
    String nodeName = "node";
    for (String arg : args) {
      int eq = arg.indexOf('=');
      put.invoke(builder, arg.substring(0, eq), arg.substring(eq + 1));
      if (arg.startsWith("node.name=")) {
        nodeName = arg.substring(eq + 1);
      }
    }
    Object settings = builder.getClass().getMethod("build").invoke(builder);

    Class<?> logging = Class.forName("org.elasticsearch.common.logging.LogConfigurator");
    logging.getMethod("loadLog4jPlugins").invoke(null);
    logging.getMethod("configureESLogging").invoke(null);
    logging.getMethod("configureWithoutConfig", settingsClass).invoke(null, settings);

    String name = nodeName;
    Supplier<String> nodeNameSupplier = () -> name;
    Object environment =
        Class.forName("org.elasticsearch.node.InternalSettingsPreparer")
            .getMethod("prepareEnvironment", settingsClass, Map.class, Path.class, Supplier.class)
            .invoke(null, settings, Map.of(), null, nodeNameSupplier);

    Class<?> environmentClass = Class.forName("org.elasticsearch.env.Environment");
    Constructor<?> constructor =
        Class.forName("org.elasticsearch.node.MockNode")
            .getDeclaredConstructor(
                environmentClass, Collection.class, boolean.class, Closeable.class);
    constructor.setAccessible(true);
    Class<?> netty = Class.forName("org.elasticsearch.transport.netty4.Netty4Plugin");
    Closeable onClose = () -> {};
    Object node = constructor.newInstance(environment, List.of(netty), true, onClose);
    node.getClass().getMethod("start").invoke(node);

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    ((Closeable) node).close();
                  } catch (Exception e) {
                    e.printStackTrace();
                  }
                  stopped.countDown();
                }));
    stopped.await();
  }
}
