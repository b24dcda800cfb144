package io.trigmon.benchmarks;

import io.trigmon.event.Event;
import io.trigmon.event.EventCodec;
import io.trigmon.event.EventJson;
import io.trigmon.event.EventValidator;
import io.trigmon.simulation.Process;
import io.trigmon.simulation.Simulator;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Nanoseconds per event of the wire formats: {@link EventCodec} binary encode and decode, {@link
 * EventValidator#decodeAndValidate(byte[])} (what the stream app does per record), and the JSON
 * form both ways. The events are {@value #EVENTS} simulated SM-mixture events (jets, leptons, MET,
 * about 140 bytes each), encoded once in set-up; every invocation walks all of them, so JMH's
 * "ns/op" is ns per event. {@link #baselineCopy} copies the same bytes into a reused {@link
 * ByteBuffer}: the floor any codec pays to touch the record, against which the report gives ratios.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EventCodecBenchmark {

  static final int EVENTS = 1024;

  private Event[] events;
  private byte[][] bytes;
  private String[] json;
  private ByteBuffer buffer;

  @Setup(Level.Trial)
  public void setUp() {
    List<Event> simulated =
        Simulator.builder()
            .process(Process.SM)
            .seed(20_261_123L)
            .build()
            .events(EVENTS)
            .collect(Collectors.toList());
    events = simulated.toArray(new Event[0]);
    bytes = new byte[EVENTS][];
    json = new String[EVENTS];
    int longest = 0;
    for (int i = 0; i < EVENTS; i++) {
      bytes[i] = EventCodec.encode(events[i]);
      json[i] = EventJson.toJson(events[i]);
      longest = Math.max(longest, bytes[i].length);
    }
    buffer = ByteBuffer.allocate(longest);
  }

  /** Baseline: a plain copy of each record's bytes into a reused buffer. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void baselineCopy(Blackhole blackhole) {
    for (byte[] record : bytes) {
      buffer.clear();
      buffer.put(record);
      blackhole.consume(buffer.get(record.length - 1));
    }
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void encode(Blackhole blackhole) {
    for (Event event : events) {
      blackhole.consume(EventCodec.encode(event));
    }
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void decode(Blackhole blackhole) {
    for (byte[] record : bytes) {
      blackhole.consume(EventCodec.decode(record));
    }
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void decodeAndValidate(Blackhole blackhole) {
    for (byte[] record : bytes) {
      blackhole.consume(EventValidator.decodeAndValidate(record));
    }
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void toJson(Blackhole blackhole) {
    for (Event event : events) {
      blackhole.consume(EventJson.toJson(event));
    }
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void fromJson(Blackhole blackhole) {
    for (String text : json) {
      blackhole.consume(EventJson.fromJson(text));
    }
  }
}
