package io.trigmon.nplm.neural;

/**
 * Settings of the neural NPLM. The network follows the reference code of the papers: 5-5-5-5-1
 * (three hidden layers of 5), sigmoid, weight clipping W = 2.15, full batch. The papers train with
 * Adam for up to 3·10⁵ epochs (hours per test); the default here is a projected L-BFGS ({@link
 * ProjectedLbfgs}) stopped when the loss settles, which reaches the same minimum in hundreds of
 * evaluations. Adam is kept for cross-checks.
 *
 * @param hidden widths of the hidden layers
 * @param weightClip W: every weight (not bias) is held in [−W, W]
 * @param optimiser L-BFGS or Adam
 * @param maxIterations L-BFGS iterations or Adam epochs at most
 * @param tolerance L-BFGS stops after {@link #PATIENCE} iterations in a row that lower the loss by
 *     less than this (τ is then settled to about 2·PATIENCE·tolerance); unused by Adam
 * @param learningRate Adam's step size; unused by L-BFGS
 * @param seed seed of the weight initialisation
 * @param progressEvery iterations between progress lines (0: none)
 * @param backend what computes the loss and its gradient
 * @param threads threads of the {@link Backend#JAVA} loss (DJL's come from {@code
 *     -Dai.djl.pytorch.num_threads})
 */
public record NeuralNplmConfig(
    int[] hidden,
    double weightClip,
    Optimiser optimiser,
    int maxIterations,
    double tolerance,
    double learningRate,
    long seed,
    int progressEvery,
    Backend backend,
    int threads) {

  /** Consecutive quiet L-BFGS iterations that end a fit. */
  public static final int PATIENCE = 10;

  /** The optimisers. */
  public enum Optimiser {
    /** Projected limited-memory BFGS, stopped on a settled loss (the default). */
    LBFGS,
    /** Adam for a fixed number of epochs, weights clipped after each (as in the papers). */
    ADAM
  }

  /**
   * What evaluates the loss and its gradient; both give the same numbers (to rounding, checked by
   * {@code JavaNplmLossTest}).
   */
  public enum Backend {
    /**
     * Plain Java with a hand-written backward pass ({@link JavaNplmLoss}), Vector API where the JVM
     * has it: the default, because at the benchmark size (N = 1.2·10⁵ events, 5-5-5-5-1) one
     * evaluation costs ≈ 7.5 ms CPU against ≈ 22 ms with DJL on one thread (2026-12-06, shared
     * 2-core AMD EPYC, load 3–8), and DJL on two threads was slower still on the shared machine.
     */
    JAVA,
    /** DJL (PyTorch) autograd in float64 ({@link NeuralNplmLoss}): the cross-check. */
    DJL
  }

  public NeuralNplmConfig {
    hidden = hidden.clone();
    if (threads < 1) {
      throw new IllegalArgumentException("neural NPLM: threads must be positive");
    }
    if (hidden.length == 0) {
      throw new IllegalArgumentException("neural NPLM: at least one hidden layer");
    }
    if (!(weightClip > 0)) {
      throw new IllegalArgumentException("neural NPLM: weight clipping must be positive");
    }
    if (maxIterations <= 0) {
      throw new IllegalArgumentException("neural NPLM: iterations must be positive");
    }
    if (!(tolerance >= 0) || !(learningRate > 0)) {
      throw new IllegalArgumentException(
          "neural NPLM: tolerance must be >= 0 and learning rate positive");
    }
  }

  /** 5-5-5-5-1, W = 2.15, L-BFGS until the loss changes by less than 10⁻⁴ (≤ 3000 iterations). */
  public static NeuralNplmConfig defaults() {
    return new NeuralNplmConfig(
        new int[] {5, 5, 5}, 2.15, Optimiser.LBFGS, 3000, 1e-4, 1e-3, 1, 0, Backend.JAVA, 1);
  }

  /** The papers' training: Adam, learning rate 10⁻³ (Keras' default), a fixed number of epochs. */
  public static NeuralNplmConfig papers(int epochs) {
    return new NeuralNplmConfig(
        new int[] {5, 5, 5}, 2.15, Optimiser.ADAM, epochs, 0, 1e-3, 1, 0, Backend.JAVA, 1);
  }

  public NeuralNplmConfig withWeightClip(double w) {
    return new NeuralNplmConfig(
        hidden,
        w,
        optimiser,
        maxIterations,
        tolerance,
        learningRate,
        seed,
        progressEvery,
        backend,
        threads);
  }

  public NeuralNplmConfig withLearningRate(double lr) {
    return new NeuralNplmConfig(
        hidden,
        weightClip,
        optimiser,
        maxIterations,
        tolerance,
        lr,
        seed,
        progressEvery,
        backend,
        threads);
  }

  public NeuralNplmConfig withMaxIterations(int n) {
    return new NeuralNplmConfig(
        hidden,
        weightClip,
        optimiser,
        n,
        tolerance,
        learningRate,
        seed,
        progressEvery,
        backend,
        threads);
  }

  public NeuralNplmConfig withTolerance(double t) {
    return new NeuralNplmConfig(
        hidden,
        weightClip,
        optimiser,
        maxIterations,
        t,
        learningRate,
        seed,
        progressEvery,
        backend,
        threads);
  }

  public NeuralNplmConfig withSeed(long s) {
    return new NeuralNplmConfig(
        hidden,
        weightClip,
        optimiser,
        maxIterations,
        tolerance,
        learningRate,
        s,
        progressEvery,
        backend,
        threads);
  }

  public NeuralNplmConfig withProgressEvery(int every) {
    return new NeuralNplmConfig(
        hidden,
        weightClip,
        optimiser,
        maxIterations,
        tolerance,
        learningRate,
        seed,
        every,
        backend,
        threads);
  }

  public NeuralNplmConfig withBackend(Backend b) {
    return new NeuralNplmConfig(
        hidden,
        weightClip,
        optimiser,
        maxIterations,
        tolerance,
        learningRate,
        seed,
        progressEvery,
        b,
        threads);
  }

  public NeuralNplmConfig withThreads(int n) {
    return new NeuralNplmConfig(
        hidden,
        weightClip,
        optimiser,
        maxIterations,
        tolerance,
        learningRate,
        seed,
        progressEvery,
        backend,
        n);
  }

  int[] layerSizes(int inputs) {
    int[] sizes = new int[hidden.length + 2];
    sizes[0] = inputs;
    System.arraycopy(hidden, 0, sizes, 1, hidden.length);
    sizes[sizes.length - 1] = 1;
    return sizes;
  }
}
