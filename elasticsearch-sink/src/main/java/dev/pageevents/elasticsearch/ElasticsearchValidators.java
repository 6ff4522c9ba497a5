package dev.pageevents.elasticsearch;

import dev.pageevents.core.config.DescribedValidator;
import java.net.URI;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** The validators of {@link ElasticsearchSinkConfig}'s settings. */
final class ElasticsearchValidators {
  private ElasticsearchValidators() {}

  /** Each entry must be an http(s) URL with a host. */
  static final ConfigDef.Validator URLS =
      DescribedValidator.of(
          "http(s)://host:port, comma-separated",
          (name, value) -> {
            List<?> urls = (List<?>) value;
            if (urls == null || urls.isEmpty()) {
              throw new ConfigException(name, value, "Give at least one URL, e.g. http://es1:9200");
            }
            for (Object url : urls) {
              String text = String.valueOf(url).trim();
              URI uri;
              try {
                uri = URI.create(text);
              } catch (IllegalArgumentException e) {
                throw new ConfigException(name, text, "Not a URL: " + e.getMessage());
              }
              if (uri.getHost() == null
                  || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new ConfigException(
                    name, text, "Use http://host:port or https://host:port, e.g. https://es1:9200");
              }
            }
          });

  /** Parses the pattern the way the sink will, naming the problem. */
  static final ConfigDef.Validator INDEX_PATTERN =
      DescribedValidator.of(
          "fixed lowercase prefix, then text, {topic} and {<date pattern>}",
          (name, value) -> {
            try {
              new IndexPattern(value == null ? "" : value.toString());
            } catch (IllegalArgumentException e) {
              throw new ConfigException(name, value, e.getMessage());
            }
          });
}
