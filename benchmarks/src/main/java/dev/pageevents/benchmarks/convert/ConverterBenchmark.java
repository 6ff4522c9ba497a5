package dev.pageevents.benchmarks.convert;

import dev.pageevents.benchmarks.sink.BenchEvents;
import dev.pageevents.core.event.FieldMapping;
import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.event.PageEventConverter;
import dev.pageevents.core.event.PageEventJson;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.StringConverter;

/**
 * In-process microbenchmark of a sink's per-record conversion, from the record value's bytes as
 * Kafka delivers them to the {@link PageEvent} a store writer receives: Connect's value converter
 * (JsonConverter without and with schemas, StringConverter, ByteArrayConverter), then {@link
 * PageEventConverter}. Prints, per path, nanoseconds and bytes allocated per event (median of the
 * measured rounds, one thread). It uses only the converter's public API, so the same class runs
 * against an older pageevent-core: {@code benchmarks/converter-bench} runs it on two versions back
 * to back.
 *
 * <p>Arguments: a label for the output, events per round (default 20000), measured rounds (default
 * 15), and which paths (comma-separated {@code map,struct,string,bytes}; default all). A sink task
 * sees one value type, so a run per path keeps the JIT's profile as in a worker.
 */
public final class ConverterBenchmark {
  private static final String TOPIC = "bench-page-events";
  private static final int WARMUP_ROUNDS = 25;

  private static long sink;

  private ConverterBenchmark() {}

  /** One way a record value reaches the converter. */
  private record Path(
      String id, String name, Converter connectConverter, Function<PageEvent, byte[]> bytes) {}

  public static void main(String[] args) {
    String label = args.length > 0 ? args[0] : "current";
    int events = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    List<String> selected =
        List.of((args.length > 3 ? args[3] : "map,struct,string,bytes").split(","));
    List<PageEvent> sample = BenchEvents.generate(events);
    PageEventConverter converter = new PageEventConverter(FieldMapping.defaults());

    JsonConverter withSchemas = jsonConverter(true);
    List<Path> paths =
        List.of(
            new Path(
                "map",
                "JsonConverter schemaless -> Map",
                jsonConverter(false),
                ConverterBenchmark::json),
            new Path(
                "struct",
                "JsonConverter with schemas -> Struct",
                withSchemas,
                e -> withSchemas.fromConnectData(TOPIC, PageEvent.SCHEMA, e.toStruct())),
            new Path(
                "string",
                "StringConverter -> String",
                configured(new StringConverter()),
                ConverterBenchmark::json),
            new Path(
                "bytes",
                "ByteArrayConverter -> byte[]",
                configured(new ByteArrayConverter()),
                ConverterBenchmark::json));

    System.out.printf(
        "%s: %d events per round, %d warm-up and %d measured rounds, Java %s%n",
        label, events, WARMUP_ROUNDS, rounds, System.getProperty("java.version"));
    for (Path path : paths) {
      if (!selected.contains(path.id())) {
        continue;
      }
      byte[][] raw = sample.stream().map(path.bytes()).toArray(byte[][]::new);
      SinkRecord[] converted = new SinkRecord[raw.length];
      for (int i = 0; i < raw.length; i++) {
        converted[i] = record(path.connectConverter().toConnectData(TOPIC, raw[i]), i);
      }
      Result total =
          measure(rounds, () -> fromBytes(path.connectConverter(), converter, raw), raw.length);
      Result convertOnly = measure(rounds, () -> convertOnly(converter, converted), raw.length);
      System.out.printf(
          "%-38s bytes->event %6.0f ns %6.0f B | PageEventConverter alone %6.0f ns %6.0f B%n",
          path.name(), total.nanos(), total.bytes(), convertOnly.nanos(), convertOnly.bytes());
    }
    System.out.println("(checksum " + sink + ")");
  }

  private record Result(double nanos, double bytes) {}

  private static Result measure(int rounds, Runnable round, int events) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int i = 0; i < WARMUP_ROUNDS; i++) {
      round.run();
    }
    double[] nanos = new double[rounds];
    double[] bytes = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long allocated = threads.getCurrentThreadAllocatedBytes();
      long start = System.nanoTime();
      round.run();
      nanos[i] = (double) (System.nanoTime() - start) / events;
      bytes[i] = (double) (threads.getCurrentThreadAllocatedBytes() - allocated) / events;
    }
    return new Result(median(nanos), median(bytes));
  }

  private static void fromBytes(Converter connect, PageEventConverter converter, byte[][] raw) {
    for (int i = 0; i < raw.length; i++) {
      consume(converter.convert(record(connect.toConnectData(TOPIC, raw[i]), i)));
    }
  }

  private static void convertOnly(PageEventConverter converter, SinkRecord[] records) {
    for (SinkRecord record : records) {
      consume(converter.convert(record));
    }
  }

  private static void consume(PageEvent event) {
    sink += event.durationMs() + event.page().length() + event.eventId().length();
  }

  private static SinkRecord record(SchemaAndValue value, long offset) {
    return new SinkRecord(TOPIC, 0, null, null, value.schema(), value.value(), offset);
  }

  private static byte[] json(PageEvent event) {
    return PageEventJson.toJson(event).getBytes(StandardCharsets.UTF_8);
  }

  private static JsonConverter jsonConverter(boolean schemas) {
    JsonConverter converter = new JsonConverter();
    converter.configure(Map.of("schemas.enable", Boolean.toString(schemas)), false);
    return converter;
  }

  private static <C extends Converter> C configured(C converter) {
    converter.configure(Map.of(), false);
    return converter;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
