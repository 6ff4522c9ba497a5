package dev.pageevents.neo4j;

import dev.pageevents.core.config.DescribedValidator;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** The validators of {@link Neo4jSinkConfig}'s settings. */
final class Neo4jValidators {
  private Neo4jValidators() {}

  /** Checks the URI scheme. */
  static final ConfigDef.Validator BOLT_URI =
      DescribedValidator.of(
          "bolt://, neo4j:// (optionally +s or +ssc) URI",
          (name, value) -> {
            String uri = (String) value;
            if (uri == null || !uri.matches("(bolt|neo4j)(\\+s|\\+ssc)?://[^\\s]+")) {
              throw new ConfigException(
                  name,
                  value,
                  "Use a Bolt URI such as bolt://localhost:7687 or neo4j+s://host:7687");
            }
          });
}
