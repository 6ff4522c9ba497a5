package dev.pageevents.configs;

import java.nio.file.Path;

/** Where the module's own files are (connectors/, worker/) and the repository root. */
final class ModuleFiles {
  private ModuleFiles() {}

  /** The connect-configs module directory (set by the build; the working directory otherwise). */
  static Path dir() {
    return Path.of(System.getProperty("configs.module.dir", ".")).toAbsolutePath().normalize();
  }

  static Path repositoryRoot() {
    return dir().getParent();
  }
}
