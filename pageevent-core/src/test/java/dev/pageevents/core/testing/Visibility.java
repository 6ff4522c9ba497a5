package dev.pageevents.core.testing;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;

/** Which settings {@code /validate} shows as visible for a config (what the recommenders say). */
public final class Visibility {
  private Visibility() {}

  /** Setting name → visible, as {@link ConfigDef#validate} reports it for {@code props}. */
  public static Map<String, Boolean> of(ConfigDef def, Map<String, String> props) {
    Map<String, Boolean> visible = new HashMap<>();
    def.validate(props).forEach(value -> visible.put(value.name(), value.visible()));
    return visible;
  }
}
