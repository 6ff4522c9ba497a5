package dev.pageevents.source.generator;

import dev.pageevents.core.config.DescribedValidator;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Validators of the generator settings; each message names the field and the fix. */
final class GeneratorValidators {
  private GeneratorValidators() {}

  /** A page count (one positive integer) or a list of non-blank page paths. */
  static final ConfigDef.Validator PAGES =
      DescribedValidator.of(
          "a page count, or page paths separated by commas",
          (name, value) -> {
            List<?> pages = (List<?>) value;
            if (pages == null || pages.isEmpty()) {
              throw new ConfigException(name, value, "Give a page count (pages=100) or page paths");
            }
            if (pages.size() == 1 && pages.get(0).toString().matches("-?\\d+")) {
              long count = Long.parseLong(pages.get(0).toString());
              if (count < 1 || count > 10_000_000) {
                throw new ConfigException(
                    name, value, "A page count must be between 1 and 10000000");
              }
              return;
            }
            for (Object page : pages) {
              if (page == null || page.toString().isBlank()) {
                throw new ConfigException(name, value, "Page paths must not be blank");
              }
            }
          });

  /** A number strictly greater than zero. */
  static final ConfigDef.Validator POSITIVE_DOUBLE =
      DescribedValidator.of(
          "(0, ...)",
          (name, value) -> {
            if (value == null || !(((Double) value) > 0.0) || ((Double) value).isInfinite()) {
              throw new ConfigException(
                  name, value, "Must be a finite number greater than 0, e.g. 1.0");
            }
          });

  /** Empty, or an ISO-8601 instant. */
  static final ConfigDef.Validator OPTIONAL_INSTANT =
      DescribedValidator.of(
          "empty, or an ISO-8601 instant",
          (name, value) -> {
            String text = value == null ? "" : value.toString().trim();
            if (text.isEmpty()) {
              return;
            }
            try {
              Instant.parse(text);
            } catch (DateTimeParseException e) {
              throw new ConfigException(
                  name,
                  value,
                  "Must be empty (wall clock) or an instant like 2024-05-01T00:00:00Z");
            }
          });
}
