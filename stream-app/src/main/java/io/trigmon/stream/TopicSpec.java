package io.trigmon.stream;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A topic name with the serdes of its keys and values, so that every reader and writer of a topic
 * agrees on them. The instances live in the {@link StreamTopics} catalogue.
 *
 * @param name the Kafka topic name
 * @param keySerde serde of the record keys
 * @param valueSerde serde of the record values
 */
public record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

  public TopicSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
  }

  /** How a topology reads this topic. */
  public Consumed<K, V> consumed() {
    return Consumed.with(keySerde, valueSerde);
  }

  /** How a topology writes this topic. */
  public Produced<K, V> produced() {
    return Produced.with(keySerde, valueSerde);
  }
}
