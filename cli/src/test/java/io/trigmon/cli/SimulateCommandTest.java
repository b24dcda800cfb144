package io.trigmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.event.Event;
import io.trigmon.io.EventFiles;
import io.trigmon.io.FeatureTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = Trigmon.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Test
  void writesTheRequestedNumberOfFeatureRowsToCsv() throws Exception {
    Path file = dir.resolve("dy.csv");
    int code =
        run(
            "simulate",
            "--process",
            "dy",
            "--events",
            "2000",
            "--seed",
            "1",
            "--out",
            file.toString());
    assertThat(code).as(err.toString()).isZero();
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).isEqualTo("pt1,pt2,eta1,eta2,dphi");
    assertThat(lines).hasSize(2001);
    assertThat(FeatureTable.read(file).rows()).isEqualTo(2000);
    assertThat(out.toString()).contains("wrote 2000 dy events").contains("above 300 GeV");
  }

  @Test
  void sameSeedWritesTheSameFile() throws Exception {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    run("simulate", "--process", "zprime", "--events", "500", "--seed", "7", "--out", a.toString());
    run("simulate", "--process", "zprime", "--events", "500", "--seed", "7", "--out", b.toString());
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
  }

  @Test
  void writesWholeEventsToHdf5() {
    Path file = dir.resolve("sm.h5");
    int code =
        run(
            "simulate",
            "--process",
            "sm",
            "--events",
            "300",
            "--seed",
            "3",
            "--out",
            file.toString());
    assertThat(code).as(err.toString()).isZero();
    List<Event> events = EventFiles.read(file);
    assertThat(events).hasSize(300);
  }

  @Test
  void unknownProcessIsAUserErrorNamingTheChoices() {
    int code =
        run(
            "simulate",
            "--process",
            "bogus",
            "--events",
            "10",
            "--out",
            dir.resolve("x.csv").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("bogus").contains("dy, sm, zprime");
  }

  @Test
  void badShiftIsAUserError() {
    int code =
        run(
            "simulate",
            "--process",
            "dy",
            "--events",
            "10",
            "--shift",
            "scale=abc",
            "--out",
            dir.resolve("x.csv").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("scale");
  }

  @Test
  void missingEventsOptionIsReported() {
    int code = run("simulate", "--process", "dy", "--out", dir.resolve("x.csv").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--events");
  }
}
