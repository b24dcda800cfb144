package io.trigmon.flink.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A client of a Flink cluster's REST API (the one the web UI uses): upload a job jar ({@code
 * /jars/upload}), run it detached ({@code /jars/:id/run}), follow the job (state, restarts,
 * checkpoints) and cancel it. Every failure is a {@link FlinkClusterException} whose message names
 * the cluster, the request and Flink's own error text; an unreachable cluster says so.
 */
public final class FlinkRestClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final URI base;
  private final HttpClient http;

  private FlinkRestClient(URI base) {
    this.base = base;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** A client of {@code HOST:PORT} or of a URL such as {@code http://127.0.0.1:8081}. */
  public static FlinkRestClient of(String address) {
    String url = address.contains("://") ? address : "http://" + address;
    URI uri;
    try {
      uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (IllegalArgumentException e) {
      throw new FlinkClusterException("not a HOST:PORT or URL: '" + address + "'", e);
    }
    if (uri.getHost() == null || uri.getPort() < 0 && !address.contains("://")) {
      throw new FlinkClusterException("not a HOST:PORT or URL: '" + address + "'");
    }
    return new FlinkRestClient(uri);
  }

  /** The REST endpoint (also the web UI). */
  public URI base() {
    return base;
  }

  /** The web UI page of a job. */
  public URI jobPage(String jobId) {
    return URI.create(base + "/#/job/running/" + jobId + "/overview");
  }

  /** The cluster overview ({@code /overview}: TaskManagers, slots, jobs); checks it is there. */
  public JsonNode overview() {
    return get("/overview");
  }

  /** Uploads a job jar; returns its id on the cluster. */
  public String uploadJar(Path jar) {
    byte[] content;
    try {
      content = Files.readAllBytes(jar);
    } catch (IOException e) {
      throw new FlinkClusterException("cannot read the job jar " + jar, e);
    }
    String boundary = "trigmon-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
            + jar.getFileName()
            + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        request("/jars/upload")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    String file = send(request, "upload " + jar.getFileName()).path("filename").asText();
    return Path.of(file).getFileName().toString();
  }

  /**
   * Runs an uploaded jar's main class detached with these program arguments; returns the job id.
   */
  public String runJar(String jarId, List<String> programArgs, int parallelism) {
    ObjectNode body = JSON.createObjectNode();
    body.putPOJO("programArgsList", programArgs);
    body.put("parallelism", parallelism);
    HttpRequest request =
        request("/jars/" + jarId + "/run")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    return send(request, "run " + jarId).path("jobid").asText();
  }

  /** The job's details ({@code /jobs/:id}: state, timestamps, vertices). */
  public JsonNode job(String jobId) {
    return get("/jobs/" + jobId);
  }

  /** The job's state: CREATED, RUNNING, RESTARTING, FAILED, CANCELED, FINISHED, .... */
  public String jobState(String jobId) {
    return job(jobId).path("state").asText();
  }

  /** Whether the job and every one of its tasks are running. */
  public boolean allTasksRunning(String jobId) {
    JsonNode job = job(jobId);
    if (!"RUNNING".equals(job.path("state").asText())) {
      return false;
    }
    for (JsonNode vertex : job.path("vertices")) {
      if (!"RUNNING".equals(vertex.path("status").asText())) {
        return false;
      }
    }
    return true;
  }

  /**
   * How many failures the job has recovered from or is recovering from: the entries of its
   * exception history ({@code /jobs/:id/exceptions}; a failure of several tasks is one entry).
   */
  public int failures(String jobId) {
    return get("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries").size();
  }

  /** The job's checkpoint statistics ({@code /jobs/:id/checkpoints}: counts, latest, restored). */
  public JsonNode checkpoints(String jobId) {
    return get("/jobs/" + jobId + "/checkpoints");
  }

  /** Cancels a job (returns once the request is accepted). */
  public void cancel(String jobId) {
    HttpRequest request =
        request("/jobs/" + jobId + "?mode=cancel")
            .method("PATCH", HttpRequest.BodyPublishers.noBody())
            .build();
    send(request, "cancel " + jobId);
  }

  private JsonNode get(String path) {
    return send(request(path).GET().build(), "GET " + path);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
  }

  private JsonNode send(HttpRequest request, String what) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new FlinkClusterException(
          "cannot reach the Flink cluster at " + base + " (is it running?)", e);
    } catch (IOException e) {
      throw new FlinkClusterException("Flink cluster at " + base + ": " + what + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlinkClusterException("interrupted: " + what, e);
    }
    JsonNode body = parse(response.body());
    if (response.statusCode() / 100 != 2) {
      throw new FlinkClusterException(
          "Flink cluster at "
              + base
              + ": "
              + what
              + " answered HTTP "
              + response.statusCode()
              + ": "
              + (body.has("errors") ? body.get("errors").toString() : response.body()));
    }
    return body;
  }

  private static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return JSON.createObjectNode().put("errors", text);
    }
  }
}
