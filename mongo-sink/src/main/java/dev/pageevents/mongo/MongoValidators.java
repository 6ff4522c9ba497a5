package dev.pageevents.mongo;

import com.mongodb.ConnectionString;
import dev.pageevents.core.config.DescribedValidator;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** The validators of {@link MongoSinkConfig}'s settings. */
final class MongoValidators {
  private MongoValidators() {}

  /** Rejects values the driver cannot parse as a connection string, naming the problem. */
  static final ConfigDef.Validator CONNECTION_STRING =
      DescribedValidator.of(
          "a mongodb:// or mongodb+srv:// connection string",
          (name, value) -> {
            if (value == null) {
              throw new ConfigException(
                  name, null, "Set " + name + ", e.g. mongodb://127.0.0.1:27017");
            }
            try {
              new ConnectionString(((Password) value).value());
            } catch (IllegalArgumentException e) {
              throw new ConfigException(
                  name,
                  "[hidden]",
                  "Not a MongoDB connection string ("
                      + e.getMessage()
                      + "); use mongodb://host:port/ or mongodb+srv://host/");
            }
          });

  /** Accepts 'majority', a member count or a tag set name. */
  static final ConfigDef.Validator WRITE_CONCERN =
      DescribedValidator.of(
          "'majority', a number of members >= 1, or a tag set name",
          (name, value) -> {
            String text = value == null ? "" : value.toString().trim();
            if (text.isEmpty() || (text.matches("-?\\d{1,9}") && Integer.parseInt(text) < 1)) {
              throw new ConfigException(
                  name,
                  value,
                  "Use 'majority' or a number of members of at least 1; unacknowledged writes (0)"
                      + " would let offsets commit before MongoDB stored the events");
            }
          });

  /** Rejects names MongoDB refuses: with '$' or a NUL character, or in the system namespace. */
  static final ConfigDef.Validator COLLECTION_NAME =
      DescribedValidator.of(
          "a collection name without '$', NUL or a 'system.' prefix; empty for the topic name",
          (name, value) -> {
            String text = value == null ? "" : value.toString().trim();
            if (text.contains("$") || text.contains("\0") || text.startsWith("system.")) {
              throw new ConfigException(
                  name,
                  value,
                  "A collection name cannot contain '$' or a NUL character nor start with 'system.';"
                      + " leave it empty to use the topic name");
            }
          });
}
