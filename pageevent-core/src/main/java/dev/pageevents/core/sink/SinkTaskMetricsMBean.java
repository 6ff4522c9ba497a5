package dev.pageevents.core.sink;

/** What one sink task publishes over JMX. */
public interface SinkTaskMetricsMBean {
  long getRecordsWritten();

  long getRecordsFailed();

  long getRecordsRetried();

  long getRecordsSentToDlq();

  /** Times the store was found to have lost writes it acknowledged, and the task rewound. */
  long getLostWriteRewinds();

  long getBatchesWritten();

  double getBatchLatencyAvgMs();

  long getBatchLatencyMaxMs();
}
