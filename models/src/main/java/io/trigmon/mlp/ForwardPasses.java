package io.trigmon.mlp;

/**
 * Chooses between the two forward passes: the Vector API one ({@link VectorForwardPass}, ≈ 2×
 * faster per event) when the JVM runs with {@code --add-modules jdk.incubator.vector} and {@code
 * -Dtrigmon.vector=false} does not turn it off, else the plain-Java {@link ForwardPass}. Classes
 * that use the Vector API are only loaded after this check, so everything else runs on a JVM
 * without the module.
 */
public final class ForwardPasses {

  /**
   * System property: {@code false} keeps the plain-Java pass even where the Vector API is there.
   */
  public static final String PROPERTY = "trigmon.vector";

  private static final String MODULE = "jdk.incubator.vector";

  private ForwardPasses() {}

  /**
   * Whether the JVM resolved the Vector API module ({@code --add-modules jdk.incubator.vector}).
   */
  public static boolean vectorApiAvailable() {
    return ModuleLayer.boot().findModule(MODULE).isPresent();
  }

  /** Whether scorers should use the Vector API: the module is there and not turned off. */
  public static boolean useVectorApi() {
    return vectorApiAvailable() && !"false".equalsIgnoreCase(System.getProperty(PROPERTY));
  }

  /** Which pass {@link #useVectorApi()} selects, for logs and reports. */
  public static String selected() {
    if (useVectorApi()) {
      return "Vector API (" + VectorForwardPass.lanes() + " float lanes)";
    }
    return vectorApiAvailable()
        ? "plain Java (Vector API turned off by -D" + PROPERTY + "=false)"
        : "plain Java (no --add-modules " + MODULE + ")";
  }
}
