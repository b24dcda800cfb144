package io.trigmon.stream.replay;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The topic dump file format: the records of a Kafka topic with their timestamps, written by {@code
 * trigmon record} and read back by {@code trigmon replay}. Conventionally named {@code *.tmdump}.
 *
 * <h2>Layout, version 1 (all integers big-endian)</h2>
 *
 * <pre>
 * header:  8 bytes  magic "TMDUMP\r\n"
 *          u8       version (1)
 *          u16      n, topic name length; n bytes UTF-8 topic name
 *          i64      creation time, ms since the epoch
 * records, until the end of the file, each:
 *          i32      partition
 *          i64      offset
 *          i64      timestamp, ms since the epoch (the record's Kafka timestamp)
 *          i32      key length, -1 for a null key; then the key bytes
 *          i32      value length, -1 for a null value; then the value bytes
 * </pre>
 *
 * A file that ends inside a record is reported as truncated, never read as fewer records silently;
 * lengths above {@value #MAX_FIELD_BYTES} bytes are refused before allocating.
 */
public final class TopicDump {

  /** The first bytes of every dump. */
  static final byte[] MAGIC = "TMDUMP\r\n".getBytes(StandardCharsets.US_ASCII);

  /** The version this build writes and reads. */
  public static final int VERSION = 1;

  /** Largest key or value a dump may hold (Kafka's default max message size is 1 MiB). */
  public static final int MAX_FIELD_BYTES = 64 << 20;

  private TopicDump() {}

  /** Whether the file starts with the dump magic. */
  public static boolean isDump(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
    }
  }

  /** Writes a dump. */
  public static final class Writer implements AutoCloseable {
    private final DataOutputStream out;
    private long records;

    public Writer(Path file, String topic, long createdMs) throws IOException {
      out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
      byte[] name = topic.getBytes(StandardCharsets.UTF_8);
      out.write(MAGIC);
      out.writeByte(VERSION);
      out.writeShort(name.length);
      out.write(name);
      out.writeLong(createdMs);
    }

    public void write(DumpRecord record) throws IOException {
      out.writeInt(record.partition());
      out.writeLong(record.offset());
      out.writeLong(record.timestampMs());
      writeBytes(record.key());
      writeBytes(record.value());
      records++;
    }

    private void writeBytes(byte[] bytes) throws IOException {
      if (bytes == null) {
        out.writeInt(-1);
      } else {
        out.writeInt(bytes.length);
        out.write(bytes);
      }
    }

    /** Records written so far. */
    public long records() {
      return records;
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /** Reads a dump. */
  public static final class Reader implements AutoCloseable {
    private final Path file;
    private final DataInputStream in;
    private final String topic;
    private final long createdMs;

    public Reader(Path file) throws IOException {
      this.file = file;
      in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
      try {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
          throw new IOException(file + " is not a topic dump (no TMDUMP header)");
        }
        int version = in.readUnsignedByte();
        if (version != VERSION) {
          throw new IOException(
              file + ": topic dump version " + version + ", this build reads " + VERSION);
        }
        byte[] name = in.readNBytes(in.readUnsignedShort());
        topic = new String(name, StandardCharsets.UTF_8);
        createdMs = in.readLong();
      } catch (EOFException e) {
        in.close();
        throw new IOException(file + ": topic dump header is truncated", e);
      } catch (IOException e) {
        in.close();
        throw e;
      }
    }

    /** The topic the dump was recorded from. */
    public String topic() {
      return topic;
    }

    /** When the dump was written, ms since the epoch. */
    public long createdMs() {
      return createdMs;
    }

    /** The next record, or null at the end of the file. */
    public DumpRecord next() throws IOException {
      int partition;
      try {
        partition = in.readInt();
      } catch (EOFException end) {
        return null;
      }
      try {
        long offset = in.readLong();
        long timestamp = in.readLong();
        byte[] key = readBytes();
        byte[] value = readBytes();
        return new DumpRecord(partition, offset, timestamp, key, value);
      } catch (EOFException e) {
        throw new IOException(file + ": topic dump is truncated inside a record", e);
      }
    }

    private byte[] readBytes() throws IOException {
      int length = in.readInt();
      if (length == -1) {
        return null;
      }
      if (length < 0 || length > MAX_FIELD_BYTES) {
        throw new IOException(file + ": corrupt topic dump (field length " + length + ")");
      }
      byte[] bytes = in.readNBytes(length);
      if (bytes.length < length) {
        throw new EOFException();
      }
      return bytes;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
