package dev.pageevents.core.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * Defines a store connection's credential and TLS settings (user, password, TLS switch, truststore
 * and its password) the one way the pack defines them: the same type, default, importance and width
 * in every sink, each sink keeping its own names, docs and display names. Each setting comes next
 * in the sink's connection group, after the ones defined before it.
 */
public final class ConnectionSecurity {
  private final ConfigDef def;
  private final String group;
  private int order;

  /**
   * @param group the sink's connection group
   * @param order the order in the group of the setting defined last
   */
  public ConnectionSecurity(ConfigDef def, String group, int order) {
    this.def = def;
    this.group = group;
    this.order = order;
  }

  /** The order in the group of the setting defined last, for the sink's settings that follow. */
  public int order() {
    return order;
  }

  /** The user name; empty when the store does not authenticate. */
  public ConnectionSecurity user(String name, String doc, String display) {
    return define(name, Type.STRING, Importance.MEDIUM, doc, Width.MEDIUM, display);
  }

  /** The user's password, a {@code PASSWORD} setting. */
  public ConnectionSecurity password(String name, String doc) {
    return define(name, Type.PASSWORD, Importance.MEDIUM, doc, Width.MEDIUM, "Password");
  }

  /** Whether to connect over TLS; off unless set. */
  public ConnectionSecurity tls(String name, String doc) {
    def.define(
        name, Type.BOOLEAN, false, Importance.MEDIUM, doc, group, ++order, Width.SHORT, "TLS");
    return this;
  }

  /** The truststore's path; empty for the JVM's default trust. */
  public ConnectionSecurity truststore(String name, String doc, String display) {
    return define(name, Type.STRING, Importance.LOW, doc, Width.LONG, display);
  }

  /** The truststore's password, a {@code PASSWORD} setting. */
  public ConnectionSecurity truststorePassword(String name, String doc, String display) {
    return define(name, Type.PASSWORD, Importance.LOW, doc, Width.MEDIUM, display);
  }

  /** A setting that is empty unless set. */
  private ConnectionSecurity define(
      String name, Type type, Importance importance, String doc, Width width, String display) {
    def.define(name, type, "", importance, doc, group, ++order, width, display);
    return this;
  }
}
