package dev.pageevents.benchmarks.sink;

/**
 * One measured run: which sink, what wrote (our connector, mongo-kafka or the native client), with
 * how many tasks, how many events in how long, the worker's peak RSS and the load average.
 */
record Row(
    String sink,
    String writer,
    int tasks,
    long events,
    double seconds,
    double steadyRate,
    long peakRssMb,
    double load,
    String note) {

  static final String NATIVE = "native client";

  double rate() {
    return events / seconds;
  }

  boolean isNative() {
    return NATIVE.equals(writer);
  }
}
