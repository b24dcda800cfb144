package io.trigmon.nplm.neural;

/**
 * Settings of the neural NPLM. The network follows the reference code of the papers: 5-5-5-5-1
 * (three hidden layers of 5), sigmoid, weight clipping W = 2.15, full batch. The papers train with
 * Adam for up to 3·10⁵ epochs (hours per test); the default here is a projected L-BFGS ({@link
 * ProjectedLbfgs}) stopped when the loss settles. At the benchmark size (N_R = 10⁵, N_D = 2·10⁴,
 * simulator Drell–Yan) τ still grows after 2000 iterations and settles after ≈ 5000 (a measured
 * trace is in reports/nplm/power-neural.md), so the stopping rule that decides is the window rule:
 * the loss lowered by less than {@code relativeTolerance}·max(1, |L|) over the last {@code window}
 * iterations. Adam is kept for cross-checks.
 *
 * @param hidden widths of the hidden layers
 * @param weightClip W: every weight (not bias) is held in [−W, W]
 * @param optimiser L-BFGS or Adam
 * @param maxIterations L-BFGS iterations or Adam epochs at most
 * @param tolerance L-BFGS also stops after {@link #PATIENCE} iterations in a row that each lower
 *     the loss by less than this (0: never); unused by Adam
 * @param window L-BFGS stops when the loss fell by less than {@code relativeTolerance}·max(1, |L|)
 *     over the last {@code window} iterations (0: never); unused by Adam
 * @param relativeTolerance see {@code window}
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
    int window,
    double relativeTolerance,
    double learningRate,
    long seed,
    int progressEvery,
    Backend backend,
    int threads) {

  /** Consecutive quiet L-BFGS iterations that end a fit under the per-iteration rule. */
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
     * evaluation costs 6.3–6.6 ms of CPU against 22–24 ms with DJL float64 on one thread
     * (interleaved runs, {@code NeuralLossSpeedProbe}, 2026-12-06, 2-core AMD EPYC with AVX-512,
     * load 1.7; 8 against 23–28 ms at load 9–12). DJL's per-op overhead is only ≈ 1 ms of that
     * (measured at N = 1200), float32 saves 15–25 %, and two PyTorch threads were slower on the
     * shared machine: the cost is the exponentials of the sigmoids, which the Vector API evaluates
     * 8 lanes at a time.
     */
    JAVA,
    /** DJL (PyTorch) autograd in float64 ({@link NeuralNplmLoss}): the cross-check. */
    DJL
  }

  public NeuralNplmConfig {
    hidden = hidden.clone();
    if (hidden.length == 0) {
      throw new IllegalArgumentException("neural NPLM: at least one hidden layer");
    }
    if (!(weightClip > 0)) {
      throw new IllegalArgumentException("neural NPLM: weight clipping must be positive");
    }
    if (maxIterations <= 0) {
      throw new IllegalArgumentException("neural NPLM: iterations must be positive");
    }
    if (!(tolerance >= 0) || !(relativeTolerance >= 0) || window < 0 || !(learningRate > 0)) {
      throw new IllegalArgumentException(
          "neural NPLM: tolerances and window must be >= 0 and learning rate positive");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("neural NPLM: threads must be positive");
    }
  }

  /**
   * 5-5-5-5-1, W = 2.15, L-BFGS until the loss fell by less than 10⁻³·|L| over 500 iterations or by
   * less than 10⁻⁴ in 10 iterations in a row (≤ 10⁴ iterations), plain-Java loss on one thread.
   */
  public static NeuralNplmConfig defaults() {
    return new NeuralNplmConfig(
        new int[] {5, 5, 5},
        2.15,
        Optimiser.LBFGS,
        10_000,
        1e-4,
        500,
        1e-3,
        1e-3,
        1,
        0,
        Backend.JAVA,
        1);
  }

  /** The papers' training: Adam, learning rate 10⁻³ (Keras' default), a fixed number of epochs. */
  public static NeuralNplmConfig papers(int epochs) {
    return new NeuralNplmConfig(
        new int[] {5, 5, 5}, 2.15, Optimiser.ADAM, epochs, 0, 0, 0, 1e-3, 1, 0, Backend.JAVA, 1);
  }

  /** The same with weight clipping W = w. */
  public NeuralNplmConfig withWeightClip(double w) {
    return new NeuralNplmConfig(
        hidden,
        w,
        optimiser,
        maxIterations,
        tolerance,
        window,
        relativeTolerance,
        learningRate,
        seed,
        progressEvery,
        backend,
        threads);
  }

  /** The same with Adam's step size lr. */
  public NeuralNplmConfig withLearningRate(double lr) {
    return new NeuralNplmConfig(
        hidden,
        weightClip,
        optimiser,
        maxIterations,
        tolerance,
        window,
        relativeTolerance,
        lr,
        seed,
        progressEvery,
        backend,
        threads);
  }

  /** The same with at most n iterations. */
  public NeuralNplmConfig withMaxIterations(int n) {
    return new NeuralNplmConfig(
        hidden,
        weightClip,
        optimiser,
        n,
        tolerance,
        window,
        relativeTolerance,
        learningRate,
        seed,
        progressEvery,
        backend,
        threads);
  }

  /** The same with the per-iteration tolerance t (0: that rule off). */
  public NeuralNplmConfig withTolerance(double t) {
    return new NeuralNplmConfig(
        hidden,
        weightClip,
        optimiser,
        maxIterations,
        t,
        window,
        relativeTolerance,
        learningRate,
        seed,
        progressEvery,
        backend,
        threads);
  }

  /**
   * The same with the window rule: stop when the loss fell by less than {@code relative}·max(1,
   * |L|) over the last {@code iterations} (0: that rule off).
   */
  public NeuralNplmConfig withWindow(int iterations, double relative) {
    return new NeuralNplmConfig(
        hidden,
        weightClip,
        optimiser,
        maxIterations,
        tolerance,
        iterations,
        relative,
        learningRate,
        seed,
        progressEvery,
        backend,
        threads);
  }

  /** The same with initial weights from seed s. */
  public NeuralNplmConfig withSeed(long s) {
    return new NeuralNplmConfig(
        hidden,
        weightClip,
        optimiser,
        maxIterations,
        tolerance,
        window,
        relativeTolerance,
        learningRate,
        s,
        progressEvery,
        backend,
        threads);
  }

  /** The same with a progress line every {@code every} iterations. */
  public NeuralNplmConfig withProgressEvery(int every) {
    return new NeuralNplmConfig(
        hidden,
        weightClip,
        optimiser,
        maxIterations,
        tolerance,
        window,
        relativeTolerance,
        learningRate,
        seed,
        every,
        backend,
        threads);
  }

  /** The same with the loss computed by b. */
  public NeuralNplmConfig withBackend(Backend b) {
    return new NeuralNplmConfig(
        hidden,
        weightClip,
        optimiser,
        maxIterations,
        tolerance,
        window,
        relativeTolerance,
        learningRate,
        seed,
        progressEvery,
        b,
        threads);
  }

  /** The same with n threads for the plain-Java loss. */
  public NeuralNplmConfig withThreads(int n) {
    return new NeuralNplmConfig(
        hidden,
        weightClip,
        optimiser,
        maxIterations,
        tolerance,
        window,
        relativeTolerance,
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
