package io.trigmon.autoencoder;

/**
 * Keeps PyTorch's intra-op and inter-op thread pools at one thread unless the user set them ({@code
 * -Dai.djl.pytorch.num_threads}, {@code -Dai.djl.pytorch.num_interop_threads}). The autoencoder's
 * operations are far too small to gain from splitting, and on a busy machine the pools' spinning
 * threads cost more than they give: an epoch of 32,000 events took 35 s with the default pools and
 * 2 s with one thread on a loaded two-core machine. Must run before the PyTorch engine starts;
 * DESIGN §8 asks for one thread inside Flink anyway.
 */
final class DjlThreads {

  private DjlThreads() {}

  static void singleThreadedUnlessConfigured() {
    setIfAbsent("ai.djl.pytorch.num_threads");
    setIfAbsent("ai.djl.pytorch.num_interop_threads");
  }

  private static void setIfAbsent(String key) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, "1");
    }
  }
}
