package io.trigmon.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The job arguments written in deploy/ (docker-compose's {@code flink run}, the Kubernetes
 * FlinkDeployment's {@code args}) are accepted by the job's own parser: a flag the job does not
 * know would make the deployed job fail at submission, which no Docker-less test would see.
 */
class DeployedJobArgumentsTest {

  private static final Path DEPLOY = Path.of("..", "deploy");

  @Test
  void composeSubmitsArgumentsTheJobAccepts() throws Exception {
    List<String> command =
        flowSequence(
            Files.readString(DEPLOY.resolve("docker-compose.yml")), "command: [\"flink\", \"run\"");
    int jar = command.indexOf(command.stream().filter(a -> a.endsWith(".jar")).findFirst().get());
    assertThat(command.get(jar)).endsWith("-job.jar");
    MonitorArguments a = parse(command.subList(jar + 1, command.size()));
    assertThat(a.settings().models()).isEqualTo("/opt/trigmon/models/default");
    assertThat(a.metricsPort()).isEqualTo(9465);
  }

  @Test
  void kubernetesSubmitsArgumentsTheJobAccepts() throws Exception {
    List<String> args =
        flowSequence(Files.readString(DEPLOY.resolve("k8s/30-flink-monitor.yaml")), "args: [");
    MonitorArguments a = parse(args);
    assertThat(a.metricsPort()).isEqualTo(9465);
    assertThat(a.metricsHost()).isEqualTo("0.0.0.0");
    assertThat(a.settings().models()).isNotBlank();
  }

  private static MonitorArguments parse(List<String> args) {
    return MonitorArguments.parse(args.toArray(String[]::new));
  }

  /** The YAML flow sequence that starts at {@code marker} (JSON-compatible: quoted strings). */
  private static List<String> flowSequence(String yaml, String marker) throws Exception {
    int start = yaml.indexOf(marker);
    assertThat(start).as("'%s' in the file", marker).isNotNegative();
    int open = yaml.indexOf('[', start);
    Matcher close = Pattern.compile("\\]").matcher(yaml);
    assertThat(close.find(open)).isTrue();
    JsonNode node = new ObjectMapper().readTree(yaml.substring(open, close.end()));
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return out;
  }
}
