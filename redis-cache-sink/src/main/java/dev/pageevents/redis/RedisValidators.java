package dev.pageevents.redis;

import dev.pageevents.core.config.DescribedValidator;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** The validators of {@link RedisSinkConfig}'s settings. */
final class RedisValidators {
  private RedisValidators() {}

  /** Checks a list of host:port entries. */
  static final ConfigDef.Validator HOST_LIST =
      DescribedValidator.of(
          "one or more host:port, comma-separated",
          (name, value) -> {
            List<?> hosts = (List<?>) value;
            if (hosts == null || hosts.isEmpty()) {
              throw new ConfigException(
                  name, value, "Give at least one host:port, e.g. localhost:6379");
            }
            for (Object host : hosts) {
              String text = String.valueOf(host).trim();
              int colon = text.lastIndexOf(':');
              if (colon <= 0 || !text.substring(colon + 1).matches("\\d{1,5}")) {
                throw new ConfigException(
                    name, value, "'" + text + "' is not host:port; write e.g. localhost:6379");
              }
            }
          });

  /** Checks that the key prefix cannot create a hash tag of its own. */
  static final ConfigDef.Validator KEY_PREFIX =
      DescribedValidator.of(
          "non-empty, without '{' or '}'",
          (name, value) -> {
            String prefix = (String) value;
            if (prefix == null
                || prefix.isEmpty()
                || prefix.contains("{")
                || prefix.contains("}")) {
              throw new ConfigException(
                  name, value, "Use a non-empty prefix without '{' or '}', e.g. " + name + "=pe");
            }
          });
}
