package dev.pageevents.stack;

import dev.pageevents.stack.process.ForkedProcess;
import dev.pageevents.stack.process.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches for finding out why a test failed, read from system properties: {@code stack.keep=true}
 * keeps every closed server's directory (config, data, {@code server.log}) and prints where it is;
 * {@code stack.worker.log=DEBUG} (or {@code logger=LEVEL,...}) raises the Connect workers' log
 * levels through their REST API as soon as they serve it.
 */
public final class Diagnostics {
  public static final String KEEP_PROPERTY = "stack.keep";
  public static final String WORKER_LOG_PROPERTY = "stack.worker.log";

  /** The loggers a bare level applies to: the Connect runtime and our plugins. */
  static final List<String> DEFAULT_LOGGERS = List.of("org.apache.kafka.connect", "dev.pageevents");

  private static final Set<String> LEVELS =
      Set.of("OFF", "FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE", "ALL");
  private static final Logger LOG = LoggerFactory.getLogger(Diagnostics.class);

  private Diagnostics() {}

  /**
   * Deletes a closed server's directory; with {@code -Dstack.keep=true} keeps it, printing where.
   */
  static void discard(String name, Path dir) {
    discard(name, dir, Boolean.getBoolean(KEEP_PROPERTY));
  }

  static void discard(String name, Path dir, boolean keep) {
    if (!keep) {
      Workspace.deleteTree(dir);
      return;
    }
    Path log = ForkedProcess.logIn(dir);
    String kept =
        "[embedded-stack] kept "
            + name
            + " ("
            + KEEP_PROPERTY
            + "): "
            + dir
            + (Files.exists(log) ? ", log " + log : "");
    LOG.info(kept);
    System.out.println(kept);
  }

  /** The levels {@code -Dstack.worker.log} asks for on every worker (none when unset). */
  static Map<String, String> workerLogLevels() {
    return workerLogLevels(System.getProperty(WORKER_LOG_PROPERTY, ""));
  }

  /**
   * Logger name to level: "DEBUG" sets {@link #DEFAULT_LOGGERS}; "a.b=TRACE,c=DEBUG" sets each
   * named logger ("root" is the root logger); blank sets none.
   */
  static Map<String, String> workerLogLevels(String value) {
    Map<String, String> levels = new LinkedHashMap<>();
    for (String entry : value.split(",")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int equals = trimmed.indexOf('=');
      if (equals < 0) {
        String level = level(trimmed);
        DEFAULT_LOGGERS.forEach(logger -> levels.put(logger, level));
      } else {
        levels.put(trimmed.substring(0, equals).trim(), level(trimmed.substring(equals + 1)));
      }
    }
    return levels;
  }

  /**
   * Sets {@code -Dstack.worker.log}'s levels on one worker's loggers ({@code PUT /admin/loggers/});
   * a worker forgets them when it restarts, so this runs at every start.
   */
  static void raiseWorkerLogLevels(String connectUrl) {
    raiseWorkerLogLevels(connectUrl, workerLogLevels());
  }

  /** Sets the given loggers' levels on one running worker ({@code PUT /admin/loggers/}). */
  public static void raiseWorkerLogLevels(String connectUrl, Map<String, String> levels) {
    levels.forEach(
        (logger, level) -> {
          String url = connectUrl + "/admin/loggers/" + logger;
          int status = Http.put(url, "{\"level\":\"" + level + "\"}");
          if (status != 200) {
            throw new IllegalStateException(
                "PUT " + url + " answered " + status + "; cannot set " + WORKER_LOG_PROPERTY);
          }
          System.out.printf("[embedded-stack] %s: logger %s at %s%n", connectUrl, logger, level);
        });
  }

  private static String level(String value) {
    String level = value.trim().toUpperCase(Locale.ROOT);
    if (!LEVELS.contains(level)) {
      throw new IllegalArgumentException(
          WORKER_LOG_PROPERTY + ": '" + value + "' is not a log level; use one of " + LEVELS);
    }
    return level;
  }
}
