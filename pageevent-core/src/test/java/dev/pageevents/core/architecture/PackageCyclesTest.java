package dev.pageevents.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No import cycles between the packages of any module's main code, and core's packages go one way:
 * {@code event} -> {@code config} -> {@code sink} (a lower layer never uses a higher one).
 */
class PackageCyclesTest {
  private static final List<String> CORE_LAYERS =
      List.of(
          "dev.pageevents.core.event", "dev.pageevents.core.config", "dev.pageevents.core.sink");

  @Test
  void shouldFindNoImportCycleBetweenThePackagesOfAnyModule() throws IOException {
    PackageGraph graph = PackageGraph.ofMainSources(modules());

    assertThat(graph.packages())
        .as("the scan reads every module's main sources")
        .contains(
            "dev.pageevents.core.sink",
            "dev.pageevents.source.generator",
            "dev.pageevents.redis",
            "dev.pageevents.pipeline.demo",
            "dev.pageevents.benchmarks.sink");
    List<String> cycle = graph.findCycle();
    assertThat(cycle).as("import cycle between packages:%s", graph.describe(cycle)).isEmpty();
  }

  @Test
  void shouldKeepCoresPackagesGoingFromEventToConfigToSink() throws IOException {
    PackageGraph graph = PackageGraph.ofMainSources(modules());

    List<String> upward = new ArrayList<>();
    for (String from : graph.packages()) {
      int fromLayer = layerOf(from);
      graph
          .uses(from)
          .forEach(
              (to, example) -> {
                if (fromLayer >= 0 && layerOf(to) > fromLayer) {
                  upward.add(from + " -> " + to + " (" + example + ")");
                }
              });
    }
    assertThat(upward).as("core packages that use a higher layer").isEmpty();
  }

  @Test
  void shouldReportACycleThroughThreePackagesWithTheClassesBehindEachEdge() {
    PackageGraph graph =
        PackageGraph.of(
            Map.of(
                "a/A.java", "package dev.pageevents.a;\nimport dev.pageevents.b.B;\nclass A {}",
                "b/B.java", "package dev.pageevents.b;\nclass B { dev.pageevents.c.C c; }",
                "c/C.java",
                    "package dev.pageevents.c;\nimport static dev.pageevents.a.A.X;\nclass C {}",
                "d/D.java", "package dev.pageevents.d;\nimport dev.pageevents.a.*;\nclass D {}"));

    List<String> cycle = graph.findCycle();

    assertThat(cycle).hasSize(4);
    assertThat(cycle.get(0)).isEqualTo(cycle.get(3));
    assertThat(cycle.subList(0, 3))
        .containsExactlyInAnyOrder("dev.pageevents.a", "dev.pageevents.b", "dev.pageevents.c");
    assertThat(graph.describe(cycle)).contains("A -> B", "B -> C", "C -> A");
    assertThat(graph.uses("dev.pageevents.d")).containsOnlyKeys("dev.pageevents.a");
  }

  @Test
  void shouldIgnoreNamesInCommentsAndStringsAndFindNoCycleInALayeredGraph() {
    PackageGraph graph =
        PackageGraph.of(
            Map.of(
                "a/A.java",
                "package dev.pageevents.a;\nimport dev.pageevents.b.B;\nclass A {}",
                "b/B.java",
                "package dev.pageevents.b;\n/** {@link dev.pageevents.a.A} */\nclass B {"
                    + " String s = \"dev.pageevents.a.A\"; // dev.pageevents.a.A\n}"));

    assertThat(graph.uses("dev.pageevents.b")).isEmpty();
    assertThat(graph.findCycle()).isEmpty();
  }

  private static int layerOf(String pkg) {
    for (int i = CORE_LAYERS.size() - 1; i >= 0; i--) {
      if (pkg.equals(CORE_LAYERS.get(i)) || pkg.startsWith(CORE_LAYERS.get(i) + ".")) {
        return i;
      }
    }
    return -1;
  }

  /** The modules the root pom lists (tests run in pageevent-core, one level below the root). */
  private static List<Path> modules() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    String pom = Files.readString(root.resolve("pom.xml"));
    List<Path> modules = new ArrayList<>();
    Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
    while (module.find()) {
      modules.add(root.resolve(module.group(1)));
    }
    return modules;
  }
}
