package io.trigmon.stream.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicDumpTest {

  @TempDir Path dir;

  @Test
  void roundTripKeepsEveryFieldIncludingNulls() throws IOException {
    Path file = dir.resolve("t.tmdump");
    List<DumpRecord> records =
        List.of(
            new DumpRecord(0, 0, 1_700_000_000_000L, "k".getBytes(), new byte[] {1, 2, 3}),
            new DumpRecord(1, 42, 5, null, null),
            new DumpRecord(1, 43, 6, new byte[0], new byte[0]));
    try (TopicDump.Writer w = new TopicDump.Writer(file, "events.valid", 99)) {
      for (DumpRecord r : records) {
        w.write(r);
      }
    }
    assertThat(TopicDump.isDump(file)).isTrue();
    List<DumpRecord> read = new ArrayList<>();
    try (TopicDump.Reader r = new TopicDump.Reader(file)) {
      assertThat(r.topic()).isEqualTo("events.valid");
      assertThat(r.createdMs()).isEqualTo(99);
      for (DumpRecord d = r.next(); d != null; d = r.next()) {
        read.add(d);
      }
    }
    assertThat(read).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(read.get(i).partition()).isEqualTo(records.get(i).partition());
      assertThat(read.get(i).offset()).isEqualTo(records.get(i).offset());
      assertThat(read.get(i).timestampMs()).isEqualTo(records.get(i).timestampMs());
      assertThat(read.get(i).key()).isEqualTo(records.get(i).key());
      assertThat(read.get(i).value()).isEqualTo(records.get(i).value());
    }
    assertThat(ReplaySource.dump(file).count()).isEqualTo(3);
  }

  @Test
  void aTruncatedDumpIsAnErrorNotFewerRecords() throws IOException {
    Path file = dir.resolve("t.tmdump");
    try (TopicDump.Writer w = new TopicDump.Writer(file, "x", 0)) {
      w.write(new DumpRecord(0, 0, 1, null, new byte[100]));
    }
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 10));
    try (TopicDump.Reader r = new TopicDump.Reader(file)) {
      assertThatThrownBy(r::next).isInstanceOf(IOException.class).hasMessageContaining("truncated");
    }
  }

  @Test
  void otherFilesAreRefused() throws IOException {
    Path file = dir.resolve("x.csv");
    Files.writeString(file, "pt,eta,phi\n1,2,3\n");
    assertThat(TopicDump.isDump(file)).isFalse();
    assertThatThrownBy(() -> new TopicDump.Reader(file).close())
        .hasMessageContaining("not a topic dump");
  }
}
