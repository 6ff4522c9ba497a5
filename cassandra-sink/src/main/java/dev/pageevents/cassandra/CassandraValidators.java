package dev.pageevents.cassandra;

import dev.pageevents.core.config.DescribedValidator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** The validators of {@link CassandraSinkConfig}'s own settings, each naming the fix. */
final class CassandraValidators {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,47}");
  private static final Pattern DATACENTER_RF = Pattern.compile("[A-Za-z0-9_.\\-]+:[1-9][0-9]?");

  private CassandraValidators() {}

  /** A CQL identifier: letters, digits, underscore, starting with a letter, at most 48. */
  static final ConfigDef.Validator CQL_IDENTIFIER =
      DescribedValidator.of(
          "a CQL identifier: [A-Za-z][A-Za-z0-9_]{0,47}",
          (name, value) -> {
            if (value == null || !IDENTIFIER.matcher(value.toString()).matches()) {
              throw new ConfigException(
                  name,
                  value,
                  "Use a keyspace name of letters, digits and '_', starting with a letter, at most 48"
                      + " characters, e.g. "
                      + name
                      + "="
                      + CassandraSinkConfig.KEYSPACE_DEFAULT);
            }
          });

  /** host or host:port entries, at least one. */
  static final ConfigDef.Validator CONTACT_POINTS =
      DescribedValidator.of(
          "host or host:port, comma-separated",
          (name, value) -> {
            List<?> points = (List<?>) value;
            if (points == null || points.isEmpty()) {
              throw new ConfigException(
                  name, value, "Give at least one node, e.g. " + name + "=10.0.0.1");
            }
            for (Object point : points) {
              String text = point == null ? "" : point.toString().trim();
              int colon = text.lastIndexOf(':');
              String host = colon > 0 ? text.substring(0, colon) : text;
              if (host.isBlank()
                  || (colon > 0 && !text.substring(colon + 1).matches("[0-9]{1,5}"))) {
                throw new ConfigException(
                    name, value, "Each contact point is host or host:port, e.g. 10.0.0.1:9042");
              }
            }
          });

  /** dc:rf pairs (may be empty: only NetworkTopologyStrategy needs them). */
  static final ConfigDef.Validator DATACENTER_FACTORS =
      DescribedValidator.of(
          "dc:rf pairs, comma-separated",
          (name, value) -> {
            for (Object pair : (List<?>) value) {
              if (pair == null || !DATACENTER_RF.matcher(pair.toString().trim()).matches()) {
                throw new ConfigException(
                    name, value, "Give replicas per data centre as dc:rf pairs, e.g. dc1:3,dc2:2");
              }
            }
          });
}
