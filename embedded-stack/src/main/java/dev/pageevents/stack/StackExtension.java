package dev.pageevents.stack;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: fills {@code @SharedServer(Store.X)} parameters with the JVM-wide shared
 * server (a {@link StoreServer}, or its own type: {@link RedisClusterServer}, {@link
 * CassandraServer}, {@link MongoServer}), and {@link KafkaConnectStack} parameters with one started
 * stack per test class, closed after the class. Records in the test report which server answered
 * (for MongoDB: real or stand-in).
 */
public final class StackExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StackExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.isAnnotated(SharedServer.class)
        || parameter.getParameter().getType() == KafkaConnectStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == KafkaConnectStack.class) {
      return classStore(context)
          .getOrComputeIfAbsent(
              "kafka-connect",
              key -> new ClosingStack(KafkaConnectStack.builder().build().start()),
              ClosingStack.class)
          .stack;
    }
    Store kind = parameter.findAnnotation(SharedServer.class).orElseThrow().value();
    StoreServer server = kind.shared();
    if (!parameter.getParameter().getType().isInstance(server)) {
      throw new ParameterResolutionException(
          kind
              + " is a "
              + server.getClass().getSimpleName()
              + ", not a "
              + parameter.getParameter().getType().getSimpleName());
    }
    context.publishReportEntry(kind.name().toLowerCase(java.util.Locale.ROOT), server.toString());
    return server;
  }

  private static ExtensionContext.Store classStore(ExtensionContext context) {
    ExtensionContext classContext =
        context.getTestClass().isPresent() && context.getTestMethod().isPresent()
            ? context.getParent().orElse(context)
            : context;
    return classContext.getStore(NAMESPACE);
  }

  /** Closes the class's Kafka/Connect stack when JUnit discards the class context. */
  private static final class ClosingStack implements ExtensionContext.Store.CloseableResource {
    private final KafkaConnectStack stack;

    ClosingStack(KafkaConnectStack stack) {
      this.stack = stack;
    }

    @Override
    public void close() {
      stack.close();
    }
  }
}
