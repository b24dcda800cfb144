package io.trigmon.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A file channel that gathers sequential relative writes in a 1 MiB buffer. jHDF writes an N-D
 * array with one channel write per innermost row, 16 bytes for the (N, 19, 4) challenge array:
 * without a buffer that is 19 system calls per event. Every other operation (positional writes,
 * reads, size, moves of the position) first writes the buffer out, so the file seen through this
 * channel is always what was written. Not thread-safe, as jHDF's writer is not.
 */
final class BufferedFileChannel extends FileChannel {

  private static final int CAPACITY = 1 << 20;

  private final FileChannel file;
  private final ByteBuffer buffer = ByteBuffer.allocate(CAPACITY);
  private long bufferStart;

  BufferedFileChannel(FileChannel file) throws IOException {
    this.file = file;
    this.bufferStart = file.position();
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    int length = src.remaining();
    if (length > buffer.remaining()) {
      flush();
      if (length > buffer.capacity()) {
        writeFully(src);
        return length;
      }
    }
    buffer.put(src);
    return length;
  }

  @Override
  public long write(ByteBuffer[] sources, int offset, int length) throws IOException {
    long written = 0;
    for (int i = offset; i < offset + length; i++) {
      written += write(sources[i]);
    }
    return written;
  }

  @Override
  public long position() {
    return bufferStart + buffer.position();
  }

  @Override
  public FileChannel position(long newPosition) throws IOException {
    if (newPosition != position()) {
      flush();
      bufferStart = newPosition;
    }
    return this;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    flush();
    int read = file.read(dst, bufferStart);
    if (read > 0) {
      bufferStart += read;
    }
    return read;
  }

  @Override
  public long read(ByteBuffer[] destinations, int offset, int length) throws IOException {
    long total = 0;
    for (int i = offset; i < offset + length; i++) {
      int read = read(destinations[i]);
      if (read < 0) {
        return total == 0 ? -1 : total;
      }
      total += read;
    }
    return total;
  }

  @Override
  public int read(ByteBuffer dst, long position) throws IOException {
    flush();
    return file.read(dst, position);
  }

  @Override
  public int write(ByteBuffer src, long position) throws IOException {
    flush();
    return file.write(src, position);
  }

  @Override
  public long size() throws IOException {
    flush();
    return file.size();
  }

  @Override
  public FileChannel truncate(long size) throws IOException {
    flush();
    file.truncate(size);
    return this;
  }

  @Override
  public void force(boolean metaData) throws IOException {
    flush();
    file.force(metaData);
  }

  @Override
  public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
    flush();
    return file.transferTo(position, count, target);
  }

  @Override
  public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
    flush();
    return file.transferFrom(src, position, count);
  }

  @Override
  public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
    flush();
    return file.map(mode, position, size);
  }

  @Override
  public FileLock lock(long position, long size, boolean shared) throws IOException {
    flush();
    return file.lock(position, size, shared);
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) throws IOException {
    flush();
    return file.tryLock(position, size, shared);
  }

  @Override
  protected void implCloseChannel() throws IOException {
    try {
      flush();
    } finally {
      file.close();
    }
  }

  private void flush() throws IOException {
    buffer.flip();
    writeFully(buffer);
    buffer.clear();
  }

  private void writeFully(ByteBuffer src) throws IOException {
    while (src.hasRemaining()) {
      bufferStart += file.write(src, bufferStart);
    }
  }
}
