package io.trigmon.broker;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The classpath of the child broker JVM: the jars of {@code kafka_2.13} and its logging, as
 * resolved by Maven when this module was built (the resources {@code broker.classpath} and {@code
 * broker-runtime.classpath}, written by maven-dependency-plugin), plus this module's own classes
 * for {@link BrokerMain}.
 *
 * <p>The jars are those of the local Maven repository of the machine that built the module, so the
 * module runs on the machine it was built on (as {@code ./trigmon} and the tests do).
 */
final class BrokerClasspath {

  static final String BUILD_HINT =
      "build the module on this machine with './mvnw -B package -DskipTests -pl kafka-broker -am'";

  private static final List<String> RESOURCES =
      List.of("broker.classpath", "broker-runtime.classpath");

  private BrokerClasspath() {}

  /** The classpath as one {@code -cp} argument; fails naming a missing jar. */
  static String resolve() {
    Set<Path> entries = new LinkedHashSet<>();
    entries.add(ownLocation());
    for (String resource : RESOURCES) {
      entries.addAll(read(resource));
    }
    for (Path entry : entries) {
      if (!Files.exists(entry)) {
        throw new BrokerException(
            "the Kafka broker's classpath names "
                + entry
                + ", which does not exist: "
                + BUILD_HINT);
      }
    }
    List<String> parts = new ArrayList<>();
    entries.forEach(entry -> parts.add(entry.toString()));
    return String.join(File.pathSeparator, parts);
  }

  private static List<Path> read(String resource) {
    try (InputStream in = BrokerClasspath.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new BrokerException(
            "resource io/trigmon/broker/" + resource + " is missing: " + BUILD_HINT);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      List<Path> paths = new ArrayList<>();
      for (String part : text.split(File.pathSeparator)) {
        if (!part.isBlank()) {
          paths.add(Path.of(part.strip()));
        }
      }
      return paths;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + resource, e);
    }
  }

  private static Path ownLocation() {
    try {
      return Path.of(BrokerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | SecurityException e) {
      throw new BrokerException("cannot locate the classes of " + BrokerMain.class, e);
    }
  }
}
