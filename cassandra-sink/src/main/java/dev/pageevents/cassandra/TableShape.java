package dev.pageevents.cassandra;

import com.datastax.oss.driver.api.core.metadata.schema.ClusteringOrder;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The parts of a table the connector relies on: partition key, clustering columns (with order) and
 * the types of all columns. Compares an existing table with the expected one and says what differs.
 *
 * @param name table name
 * @param partitionKey partition key column names, in order
 * @param clustering clustering column names with " DESC"/" ASC", in order
 * @param columns every column name → its CQL type
 */
public record TableShape(
    String name, List<String> partitionKey, List<String> clustering, Map<String, String> columns) {

  /** The shape of a table as the driver's schema metadata describes it. */
  public static TableShape of(TableMetadata table) {
    List<String> partition =
        table.getPartitionKey().stream().map(c -> c.getName().asInternal()).toList();
    List<String> clustering = new ArrayList<>();
    table
        .getClusteringColumns()
        .forEach((column, order) -> clustering.add(clusteringEntry(column, order)));
    Map<String, String> columns = new LinkedHashMap<>();
    table
        .getColumns()
        .values()
        .forEach(c -> columns.put(c.getName().asInternal(), c.getType().asCql(false, true)));
    return new TableShape(table.getName().asInternal(), partition, clustering, columns);
  }

  private static String clusteringEntry(ColumnMetadata column, ClusteringOrder order) {
    return column.getName().asInternal() + " " + order.name();
  }

  /**
   * What is wrong with {@code actual} compared with this expected shape, one message per problem,
   * each naming the table and column. Extra regular columns are allowed.
   */
  public List<String> mismatches(String keyspace, TableShape actual) {
    String table = keyspace + "." + name;
    List<String> problems = new ArrayList<>();
    columns.forEach(
        (column, type) -> {
          String actualType = actual.columns().get(column);
          if (actualType == null) {
            problems.add("table " + table + ": column " + column + " " + type + " is missing");
          } else if (!actualType.equalsIgnoreCase(type)) {
            problems.add(
                "table "
                    + table
                    + ": column "
                    + column
                    + " has type "
                    + actualType
                    + ", expected "
                    + type);
          }
        });
    if (!partitionKey.equals(actual.partitionKey())) {
      problems.add(
          "table "
              + table
              + ": partition key is ("
              + String.join(", ", actual.partitionKey())
              + "), expected ("
              + String.join(", ", partitionKey)
              + ")");
    }
    if (!clustering.equals(actual.clustering())) {
      problems.add(
          "table "
              + table
              + ": clustering is ("
              + String.join(", ", actual.clustering())
              + "), expected ("
              + String.join(", ", clustering)
              + ")");
    }
    return problems;
  }

  /** The CREATE TABLE statement of this shape in {@code keyspaceCql} (already quoted if needed). */
  public String createCql(String keyspaceCql) {
    String columnList =
        columns.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    String clusteringNames =
        clustering.stream().map(c -> c.split(" ")[0]).collect(Collectors.joining(", "));
    return "CREATE TABLE IF NOT EXISTS "
        + keyspaceCql
        + "."
        + name
        + " ("
        + columnList
        + ", PRIMARY KEY (("
        + String.join(", ", partitionKey)
        + "), "
        + clusteringNames
        + ")) WITH CLUSTERING ORDER BY ("
        + String.join(", ", clustering)
        + ")";
  }
}
