package dev.pageevents.core.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which package of the project's main code uses which other one, read from the Java sources: every
 * {@code dev.pageevents} name a file mentions outside comments and string literals (imports, static
 * imports, wildcard imports, fully qualified names), resolved to the class or package it names.
 */
final class PackageGraph {
  private static final Pattern PACKAGE =
      Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
  private static final Pattern NAME = Pattern.compile("\\bdev\\.pageevents(?:\\.\\w+)+");
  private static final Pattern COMMENTS_AND_LITERALS =
      Pattern.compile(
          "\"\"\"(?s:.*?)\"\"\"|/\\*(?s:.*?)\\*/|//[^\\n]*|\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\]|\\\\[^']+)'");

  /** Package -> the packages it uses, each with one "Class -> Used" example. */
  private final Map<String, Map<String, String>> edges = new TreeMap<>();

  private PackageGraph() {}

  /** The graph of the given sources (path ending in {@code Name.java} -> source text). */
  static PackageGraph of(Map<String, String> sourcesByPath) {
    Map<String, String> packageOfClass = new HashMap<>();
    Map<String, String> code = new HashMap<>();
    sourcesByPath.forEach(
        (path, source) -> {
          Matcher pkg = PACKAGE.matcher(source);
          if (!pkg.find()) {
            return;
          }
          String simpleName = Path.of(path).getFileName().toString().replaceFirst("\\.java$", "");
          String className = pkg.group(1) + "." + simpleName;
          packageOfClass.put(className, pkg.group(1));
          code.put(className, COMMENTS_AND_LITERALS.matcher(source).replaceAll(" "));
        });
    Set<String> packages = new TreeSet<>(packageOfClass.values());
    PackageGraph graph = new PackageGraph();
    packages.forEach(p -> graph.edges.put(p, new TreeMap<>()));
    code.forEach(
        (className, text) -> {
          String from = packageOfClass.get(className);
          Matcher name = NAME.matcher(PACKAGE.matcher(text).replaceFirst(""));
          while (name.find()) {
            String used = resolve(name.group(), packageOfClass, packages);
            String to = used == null ? null : packageOfClass.getOrDefault(used, used);
            if (to != null && !to.equals(from)) {
              graph.edges.get(from).putIfAbsent(to, simple(className) + " -> " + simple(used));
            }
          }
        });
    return graph;
  }

  /** The graph of every {@code src/main/java} under the given module directories. */
  static PackageGraph ofMainSources(List<Path> modules) {
    Map<String, String> sources = new HashMap<>();
    for (Path module : modules) {
      Path root = module.resolve("src/main/java");
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          sources.put(root.relativize(file).toString(), Files.readString(file));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return of(sources);
  }

  /** The longest prefix of a qualified name that is a known class, else a known package. */
  private static String resolve(String name, Map<String, String> classes, Set<String> packages) {
    for (String candidate = name; candidate.contains("."); ) {
      if (classes.containsKey(candidate) || packages.contains(candidate)) {
        return candidate;
      }
      candidate = candidate.substring(0, candidate.lastIndexOf('.'));
    }
    return null;
  }

  private static String simple(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }

  Set<String> packages() {
    return edges.keySet();
  }

  /** The packages {@code from} uses, each with an example "Class -> Used". */
  Map<String, String> uses(String from) {
    return edges.getOrDefault(from, Map.of());
  }

  /** One cycle as its packages (the first repeated at the end), or an empty list if none. */
  List<String> findCycle() {
    Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
    for (String start : edges.keySet()) {
      List<String> cycle = visit(start, state, new LinkedHashSet<>());
      if (!cycle.isEmpty()) {
        return cycle;
      }
    }
    return List.of();
  }

  private List<String> visit(String node, Map<String, Integer> state, LinkedHashSet<String> path) {
    if (state.getOrDefault(node, 0) == 2) {
      return List.of();
    }
    if (path.contains(node)) {
      List<String> onPath = new ArrayList<>(path);
      List<String> cycle = new ArrayList<>(onPath.subList(onPath.indexOf(node), onPath.size()));
      cycle.add(node);
      return cycle;
    }
    path.add(node);
    for (String next : uses(node).keySet()) {
      List<String> cycle = visit(next, state, path);
      if (!cycle.isEmpty()) {
        return cycle;
      }
    }
    path.remove(node);
    state.put(node, 2);
    return List.of();
  }

  /** A cycle written edge by edge, with the classes behind each edge. */
  String describe(List<String> cycle) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i + 1 < cycle.size(); i++) {
      String from = cycle.get(i);
      String to = cycle.get(i + 1);
      text.append("\n  ").append(from).append(" -> ").append(to);
      text.append(" (").append(uses(from).get(to)).append(')');
    }
    return text.toString();
  }
}
