package dev.pageevents.stack;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.pageevents.stack.process.Ports;
import dev.pageevents.stack.process.Workspace;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The MongoDB the tests talk to: a real mongod named by {@code MONGO_URI}; else {@code mongo:7}
 * through Testcontainers when Docker runs; else the in-process {@code mongo-java-server} stand-in
 * (H2 file backend, so stop/start keeps data). Which one answered is logged and printed into the
 * test report: results from the stand-in say so.
 */
public final class MongoServer implements StoreServer {
  public static final String URI_ENV = "MONGO_URI";

  /** Which MongoDB answers. */
  public enum Kind {
    /** A real mongod the user runs ({@code MONGO_URI}). */
    REAL,
    /** A real mongod in a Testcontainers {@code mongo:7} container. */
    TESTCONTAINERS,
    /** {@code de.bwaldvogel:mongo-java-server}: the MongoDB wire protocol, not a mongod. */
    STAND_IN
  }

  private final Kind kind;
  private final ExternalServer external;
  private final MongoDBContainer container;
  private final Path dir;
  private final int port;
  private de.bwaldvogel.mongo.MongoServer standIn;

  private MongoServer(Kind kind, ExternalServer external, MongoDBContainer container, Path dir) {
    this.kind = kind;
    this.external = external;
    this.container = container;
    this.dir = dir;
    this.port = dir == null ? -1 : Ports.free();
  }

  /** Picks the MongoDB as described above; call {@link #start()}. */
  public static MongoServer create(String name) {
    String uri = Env.get(URI_ENV);
    if (uri != null) {
      return new MongoServer(Kind.REAL, new ExternalServer(URI_ENV, uri), null, null);
    }
    if (dockerAvailable()) {
      return new MongoServer(
          Kind.TESTCONTAINERS, null, new MongoDBContainer(DockerImageName.parse("mongo:7")), null);
    }
    // A fresh stand-in, as a forked server is: the H2 file of a run that died without closing
    // its servers would otherwise come back with that run's documents in it.
    Path dir = Workspace.serverDir(name);
    Workspace.deleteTree(dir);
    return new MongoServer(Kind.STAND_IN, null, null, Workspace.createDirectories(dir));
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  public Kind kind() {
    return kind;
  }

  @Override
  public String endpoint() {
    switch (kind) {
      case REAL:
        return external.endpoint();
      case TESTCONTAINERS:
        return container.getReplicaSetUrl();
      default:
        return "mongodb://127.0.0.1:" + port;
    }
  }

  @Override
  public boolean external() {
    return kind == Kind.REAL;
  }

  @Override
  public synchronized void start() {
    long started = System.nanoTime();
    switch (kind) {
      case REAL:
        break;
      case TESTCONTAINERS:
        if (!container.isRunning()) {
          container.start();
        }
        break;
      default:
        if (standIn == null) {
          Ports.requireFree("MongoDB stand-in", "127.0.0.1", port);
          standIn =
              new de.bwaldvogel.mongo.MongoServer(
                  new H2Backend(dir.resolve("mongo.mv").toAbsolutePath().toString()));
          standIn.bind("127.0.0.1", port);
        }
    }
    StackLog.started("mongodb (" + describe() + ")", endpoint(), started);
  }

  /** One line saying which MongoDB answers, for logs and test reports. */
  public String describe() {
    switch (kind) {
      case REAL:
        return "REAL mongod from " + URI_ENV;
      case TESTCONTAINERS:
        return "TESTCONTAINERS mongo:7 (real mongod)";
      default:
        return "STAND_IN mongo-java-server 1.47.0 (not a real mongod; set "
            + URI_ENV
            + " or run Docker for one)";
    }
  }

  @Override
  public synchronized void stop() {
    requireStandIn("stop");
    if (standIn != null) {
      standIn.shutdown();
      standIn = null;
    }
  }

  @Override
  public synchronized void kill() {
    requireStandIn("kill");
    if (standIn != null) {
      standIn.shutdownNow();
      standIn = null;
    }
  }

  @Override
  public void pause() {
    throw new UnsupportedOperationException(
        "pause needs a forked server; the MongoDB here is " + describe());
  }

  @Override
  public void resume() {
    pause();
  }

  @Override
  public synchronized void close() {
    if (kind == Kind.TESTCONTAINERS) {
      container.stop();
    } else if (kind == Kind.STAND_IN) {
      kill();
      Diagnostics.discard("mongo stand-in", dir);
    }
  }

  private void requireStandIn(String operation) {
    if (kind != Kind.STAND_IN) {
      throw new UnsupportedOperationException(
          operation + " is supported on the stand-in only; the MongoDB here is " + describe());
    }
  }

  @Override
  public String toString() {
    return "mongodb " + describe() + " " + endpoint();
  }
}
