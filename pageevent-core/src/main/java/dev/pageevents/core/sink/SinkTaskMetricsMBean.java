package dev.pageevents.core.sink;

/** What one sink task publishes over JMX. */
public interface SinkTaskMetricsMBean {
  long getRecordsWritten();

  long getRecordsFailed();

  long getRecordsRetried();

  long getRecordsSentToDlq();

  long getBatchesWritten();

  double getBatchLatencyAvgMs();

  long getBatchLatencyMaxMs();
}
