package io.trigmon.flink.records;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Binary form of a {@link WindowAccumulator} in checkpoints and savepoints: the event count, the
 * pair count, then the pairs' event times, their features ({@link WindowAccumulator#WIDTH} per
 * pair) and the events' scores, each as a run of primitives. {@link Snapshot} records the format
 * version so that a savepoint of another format is refused, not misread.
 */
public final class WindowAccumulatorSerializer extends HandWrittenSerializer<WindowAccumulator> {

  private static final long serialVersionUID = 1L;

  /** Format version of {@link #serialize}, recorded in checkpoints by {@link Snapshot}. */
  static final int FORMAT_VERSION = 1;

  public static final WindowAccumulatorSerializer INSTANCE = new WindowAccumulatorSerializer();

  @Override
  public WindowAccumulator createInstance() {
    return new WindowAccumulator();
  }

  @Override
  public WindowAccumulator copy(WindowAccumulator from) {
    return from.copy();
  }

  @Override
  public void serialize(WindowAccumulator window, DataOutputView out) throws IOException {
    int events = window.events();
    int pairs = window.pairs();
    out.writeInt(events);
    out.writeInt(pairs);
    for (int p = 0; p < pairs; p++) {
      out.writeLong(window.time(p));
    }
    double[] features = window.features();
    for (int i = 0; i < pairs * WindowAccumulator.WIDTH; i++) {
      out.writeDouble(features[i]);
    }
    float[] scores = window.scores();
    for (int e = 0; e < events; e++) {
      out.writeFloat(scores[e]);
    }
  }

  @Override
  public WindowAccumulator deserialize(DataInputView in) throws IOException {
    int events = in.readInt();
    int pairs = in.readInt();
    if (events < 0 || pairs < 0 || pairs > events) {
      throw new IOException("corrupt window state: " + events + " events, " + pairs + " pairs");
    }
    long[] times = new long[pairs];
    for (int p = 0; p < pairs; p++) {
      times[p] = in.readLong();
    }
    double[] features = new double[pairs * WindowAccumulator.WIDTH];
    for (int i = 0; i < features.length; i++) {
      features[i] = in.readDouble();
    }
    float[] scores = new float[events];
    for (int e = 0; e < events; e++) {
      scores[e] = in.readFloat();
    }
    return new WindowAccumulator(events, pairs, times, features, scores);
  }

  @Override
  public TypeSerializerSnapshot<WindowAccumulator> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The format version of the serialised window state. */
  public static final class Snapshot extends FormatVersionSnapshot<WindowAccumulator> {
    public Snapshot() {
      super(FORMAT_VERSION, () -> INSTANCE);
    }
  }

  /** Makes {@code TypeInformation.of(WindowAccumulator.class)} use this serializer. */
  public static final class TypeInfoFactory
      extends org.apache.flink.api.common.typeinfo.TypeInfoFactory<WindowAccumulator> {
    @Override
    public TypeInformation<WindowAccumulator> createTypeInfo(
        Type t, Map<String, TypeInformation<?>> genericParameters) {
      return typeInfo();
    }
  }

  /** The type information of window state. */
  public static TypeInformation<WindowAccumulator> typeInfo() {
    return new SerializerTypeInfo<>(WindowAccumulator.class, INSTANCE);
  }
}
