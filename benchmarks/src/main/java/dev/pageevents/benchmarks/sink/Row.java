package dev.pageevents.benchmarks.sink;

/**
 * One measured run: which sink, what wrote (our connector, mongo-kafka or the native client), with
 * how many tasks, how many events in how long, the worker's peak RSS, the load average and CPU use
 * (the machine's, and the writer's process: the worker, or the benchmark JVM for the native
 * client).
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
    CpuMeter.Usage cpu,
    String note) {

  static final String NATIVE = "native client";

  /** The plain KafkaConsumer + native client app ({@link PlainConsumerApp}). */
  static final String APP = "plain consumer app";

  /** Empty when the store holds every expected event, else what it holds: the row's note. */
  static String storeNote(long written, long expected) {
    return written == expected ? "" : "store holds " + written + " of " + expected;
  }

  double rate() {
    return events / seconds;
  }

  /** CPU seconds of the writing process per 100,000 events. */
  double cpuPer100k() {
    return cpu.processCpuSeconds() * 100_000 / events;
  }

  boolean isNative() {
    return NATIVE.equals(writer);
  }

  boolean isApp() {
    return APP.equals(writer);
  }

  /** A baseline written in the benchmark JVM from one thread: the native client or the app. */
  boolean isBaseline() {
    return isNative() || isApp();
  }
}
