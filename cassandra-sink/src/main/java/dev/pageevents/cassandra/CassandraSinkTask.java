package dev.pageevents.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.pageevents.core.sink.PageEventSinkTask;
import dev.pageevents.core.sink.StoreWriter;

/**
 * Connects once per task, checks the schema the connector prepared, and writes through the
 * pipeline.
 */
public final class CassandraSinkTask extends PageEventSinkTask<CassandraSinkConfig> {

  public CassandraSinkTask() {
    super(CassandraSinkConfig::new);
  }

  @Override
  protected StoreWriter createWriter(CassandraSinkConfig config) {
    CqlSession session = CassandraSessions.open(config);
    try {
      new CassandraSchema(config.keyspace()).check(session);
      return new CassandraWriter(session, config);
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }
}
