package io.trigmon.flink.records;

import java.io.IOException;
import java.util.function.Supplier;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The snapshot of a hand-written serializer without parameters, written into checkpoints and
 * savepoints next to the state: it records the version of the binary format. A savepoint written in
 * the current format restores as is; one in another format is refused at restore with a clear error
 * (Flink's "incompatible serializer") rather than misread. A future format change raises {@link
 * #getCurrentVersion()} and teaches {@link #restoreSerializer()} to read the old one.
 *
 * @param <T> the serialised type
 */
public abstract class FormatVersionSnapshot<T> implements TypeSerializerSnapshot<T> {

  private final int currentVersion;
  private final Supplier<TypeSerializer<T>> current;
  private int readVersion;

  /**
   * @param currentVersion the version of the format {@code current} writes
   * @param current the serializer of the current format
   */
  protected FormatVersionSnapshot(int currentVersion, Supplier<TypeSerializer<T>> current) {
    this.currentVersion = currentVersion;
    this.current = current;
    this.readVersion = currentVersion;
  }

  @Override
  public int getCurrentVersion() {
    return currentVersion;
  }

  @Override
  public void writeSnapshot(DataOutputView out) {
    // The format version is all there is to record; Flink writes it before this.
  }

  @Override
  public void readSnapshot(int version, DataInputView in, ClassLoader loader) throws IOException {
    readVersion = version;
  }

  /** The version of the format the state was written in. */
  public int readVersion() {
    return readVersion;
  }

  @Override
  public TypeSerializer<T> restoreSerializer() {
    if (readVersion != currentVersion) {
      throw new IllegalStateException(
          getClass().getSimpleName()
              + ": state in format version "
              + readVersion
              + " cannot be read (this build reads version "
              + currentVersion
              + ")");
    }
    return current.get();
  }

  @Override
  public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
      TypeSerializerSnapshot<T> oldSnapshot) {
    if (oldSnapshot.getClass() == getClass()
        && ((FormatVersionSnapshot<T>) oldSnapshot).readVersion() == currentVersion) {
      return TypeSerializerSchemaCompatibility.compatibleAsIs();
    }
    return TypeSerializerSchemaCompatibility.incompatible();
  }
}
