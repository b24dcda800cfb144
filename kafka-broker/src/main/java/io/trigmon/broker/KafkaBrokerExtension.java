package io.trigmon.broker;

import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives tests of any module a real {@link KafkaBroker}.
 *
 * <p><b>Shared broker</b> (the usual case): {@code @ExtendWith(KafkaBrokerExtension.class)} on a
 * test class, and a {@code KafkaBroker} parameter on its constructor, a {@code @BeforeAll} or a
 * test method. One broker with {@link BrokerSettings#defaults()} is started on first use and shared
 * by every test class of the test run (JVM) that uses the extension; it stops when the run ends.
 * Since it is shared, a test that needs a clean topic creates its own with a unique name ({@link
 * KafkaBroker#createTopic(String, int)}) instead of writing to the DESIGN §7 topics.
 *
 * <pre>{@code
 * @ExtendWith(KafkaBrokerExtension.class)
 * class MyIT {
 *   @Test
 *   void roundTrip(KafkaBroker kafka) {
 *     kafka.createTopic("my-it-topic", 2);
 *     ... kafka.bootstrapServers() ...
 *   }
 * }
 * }</pre>
 *
 * <p><b>A broker of the class's own</b> (other settings, e.g. a TLS or SASL listener): register an
 * instance in a static field; it starts before the class's tests and stops after them.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaBrokerExtension KAFKA =
 *     KafkaBrokerExtension.withSettings(BrokerSettings.defaults().withListener(...));
 * ... KAFKA.broker().bootstrapServers("SASL_SSL") ...
 * }</pre>
 *
 * <p>JUnit is a {@code provided} dependency of this module: the tests that use the extension bring
 * their own {@code junit-jupiter}.
 */
public final class KafkaBrokerExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KafkaBrokerExtension.class);
  private static final String SHARED = "shared-broker";

  private final BrokerSettings ownSettings;
  private volatile KafkaBroker ownBroker;

  /** The shared broker (used by {@code @ExtendWith}). */
  public KafkaBrokerExtension() {
    this.ownSettings = null;
  }

  private KafkaBrokerExtension(BrokerSettings settings) {
    this.ownSettings = Objects.requireNonNull(settings, "settings");
  }

  /** A broker of the registering class's own, with these settings. */
  public static KafkaBrokerExtension withSettings(BrokerSettings settings) {
    return new KafkaBrokerExtension(settings);
  }

  /** The broker of a registered instance; for the shared broker use a parameter instead. */
  public KafkaBroker broker() {
    KafkaBroker broker = ownBroker;
    if (broker == null) {
      throw new IllegalStateException(
          ownSettings == null
              ? "the shared broker is injected as a KafkaBroker parameter"
              : "the broker starts before the first test of the class (@RegisterExtension static)");
    }
    return broker;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (ownSettings != null) {
      startOwn();
    } else {
      shared(context);
    }
  }

  /** Also called on parameter resolution: with a per-class test lifecycle that comes first. */
  private synchronized KafkaBroker startOwn() {
    if (ownBroker == null) {
      ownBroker = KafkaBroker.start(ownSettings);
    }
    return ownBroker;
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    KafkaBroker broker = ownBroker;
    ownBroker = null;
    if (broker != null) {
      broker.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KafkaBroker.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return ownSettings != null ? startOwn() : shared(context);
  }

  /** Started once per test run; the root store closes it (AutoCloseable) when the run ends. */
  private static KafkaBroker shared(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(SHARED, key -> KafkaBroker.start(), KafkaBroker.class);
  }
}
