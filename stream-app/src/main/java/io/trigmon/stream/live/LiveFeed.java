package io.trigmon.stream.live;

import io.trigmon.stream.StreamAppConfig;
import io.trigmon.stream.StreamTopics;
import io.trigmon.stream.alert.WindowResult;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code monitor.results} into a {@link WindowHistory} on a thread of its own. It is a plain
 * consumer without a group (it commits nothing and takes no partitions from the alert hooks): it
 * assigns itself every partition, starts {@code live.history} records before the end of each, so
 * the page shows the recent past at once, also after a restart, and then follows the topic. Reads
 * committed records only (the job writes exactly-once). Unreadable results are skipped.
 */
final class LiveFeed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
  private static final String TOPIC = StreamTopics.MONITOR_RESULTS.name();
  private static final Duration POLL = Duration.ofMillis(500);

  /** Consumer settings the feed owns; {@code kafka.*} overrides cannot change them. */
  private static final Set<String> OWN =
      Set.of(
          ConsumerConfig.GROUP_ID_CONFIG,
          ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
          ConsumerConfig.ISOLATION_LEVEL_CONFIG,
          ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
          ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
          ConsumerConfig.CLIENT_ID_CONFIG);

  private final KafkaConsumer<String, String> consumer;
  private final WindowHistory history;
  private final Thread thread;
  private volatile boolean running = true;

  private LiveFeed(KafkaConsumer<String, String> consumer, WindowHistory history) {
    this.consumer = consumer;
    this.history = history;
    this.thread = new Thread(this::run, "trigmon-live-feed");
    this.thread.setDaemon(true);
  }

  /** Starts following the results topic of the app's cluster. */
  static LiveFeed start(StreamAppConfig config, WindowHistory history) {
    LiveFeed feed = new LiveFeed(new KafkaConsumer<>(consumerConfig(config)), history);
    feed.thread.start();
    return feed;
  }

  static Map<String, Object> consumerConfig(StreamAppConfig config) {
    Map<String, Object> p = new HashMap<>();
    config
        .kafkaOverrides()
        .forEach(
            (k, v) -> {
              if (ConsumerConfig.configNames().contains(k) && !OWN.contains(k)) {
                p.put(k, v);
              }
            });
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, config.applicationId() + "-live-page");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    p.putAll(config.security().clientProperties());
    return p;
  }

  private void run() {
    try {
      List<TopicPartition> partitions = awaitPartitions();
      if (partitions.isEmpty()) {
        return;
      }
      consumer.assign(partitions);
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      for (TopicPartition tp : partitions) {
        consumer.seek(tp, Math.max(begin.get(tp), end.get(tp) - history.capacity()));
      }
      LOG.info("live page follows {} ({} partitions)", TOPIC, partitions.size());
      while (running) {
        for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
          add(record.value());
        }
      }
    } catch (WakeupException e) {
      // closed
    } catch (RuntimeException e) {
      LOG.error("the live page stopped reading {}", TOPIC, e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** The topic's partitions, waiting while it does not exist yet; empty when closed meanwhile. */
  private List<TopicPartition> awaitPartitions() {
    boolean warned = false;
    while (running) {
      List<PartitionInfo> infos;
      try {
        infos = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10));
      } catch (TimeoutException e) {
        infos = List.of(); // the broker is not up yet, or does not know the topic
      }
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      }
      if (!warned) {
        LOG.warn("topic {} not found yet; the live page waits for it", TOPIC);
        warned = true;
      }
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of();
      }
    }
    return List.of();
  }

  private void add(String json) {
    try {
      history.add(WindowResult.fromJson(json == null ? "null" : json));
    } catch (IOException | RuntimeException e) {
      LOG.warn("live page: skipping an unreadable window result: {}", e.toString());
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
