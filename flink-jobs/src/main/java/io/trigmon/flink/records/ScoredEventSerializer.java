package io.trigmon.flink.records;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Binary form of a {@link ScoredEvent} between the scoring and the window operators: stream key
 * (Flink's string encoding), event time, the number of dilepton features and the features, the
 * score as a float. Hand-written because it runs once per event: Flink's reflective record
 * serialisation was a visible share of the monitor's profile (issue 8).
 */
public final class ScoredEventSerializer extends HandWrittenSerializer<ScoredEvent> {

  private static final long serialVersionUID = 1L;

  /** Format version of {@link #serialize}, recorded in checkpoints by {@link Snapshot}. */
  static final int FORMAT_VERSION = 1;

  public static final ScoredEventSerializer INSTANCE = new ScoredEventSerializer();

  private static final double[] NO_DILEPTON = new double[0];

  private static final int MAX_FEATURES = 255; // the count is one unsigned byte

  @Override
  public ScoredEvent createInstance() {
    return new ScoredEvent("", 0, NO_DILEPTON, Float.NaN);
  }

  @Override
  public ScoredEvent copy(ScoredEvent from) {
    return new ScoredEvent(
        from.stream(), from.eventTimeNanos(), from.dilepton().clone(), from.aeScore());
  }

  @Override
  public void serialize(ScoredEvent event, DataOutputView out) throws IOException {
    out.writeUTF(event.stream());
    out.writeLong(event.eventTimeNanos());
    double[] dilepton = event.dilepton();
    if (dilepton.length > MAX_FEATURES) {
      throw new IOException("a scored event has at most 255 features, got " + dilepton.length);
    }
    out.writeByte(dilepton.length);
    for (double x : dilepton) {
      out.writeDouble(x);
    }
    out.writeFloat(event.aeScore());
  }

  @Override
  public ScoredEvent deserialize(DataInputView in) throws IOException {
    String stream = in.readUTF();
    long time = in.readLong();
    int n = in.readUnsignedByte();
    double[] dilepton = n == 0 ? NO_DILEPTON : new double[n];
    for (int i = 0; i < n; i++) {
      dilepton[i] = in.readDouble();
    }
    return new ScoredEvent(stream, time, dilepton, in.readFloat());
  }

  @Override
  public TypeSerializerSnapshot<ScoredEvent> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The format version of the serialised events. */
  public static final class Snapshot extends FormatVersionSnapshot<ScoredEvent> {
    public Snapshot() {
      super(FORMAT_VERSION, () -> INSTANCE);
    }
  }

  /** Makes {@code TypeInformation.of(ScoredEvent.class)} use this serializer. */
  public static final class TypeInfoFactory
      extends org.apache.flink.api.common.typeinfo.TypeInfoFactory<ScoredEvent> {
    @Override
    public TypeInformation<ScoredEvent> createTypeInfo(
        Type t, Map<String, TypeInformation<?>> genericParameters) {
      return typeInfo();
    }
  }

  /** The type information of scored events. */
  public static TypeInformation<ScoredEvent> typeInfo() {
    return new SerializerTypeInfo<>(ScoredEvent.class, INSTANCE);
  }
}
