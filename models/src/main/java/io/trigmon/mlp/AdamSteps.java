package io.trigmon.mlp;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDResource;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Full-batch Adam on a fixed list of DJL arrays. Each {@link #step} records the loss in a scoped
 * sub-manager (so intermediate arrays of an epoch are freed when it ends), back-propagates, updates
 * every parameter with DJL's Adam and zeroes its gradient.
 *
 * <p>PyTorch allows one gradient collector per JVM at a time: steps of two trainings must not run
 * concurrently.
 */
public final class AdamSteps {

  private final NDManager manager;
  private final List<NDArray> parameters;
  private final Optimizer adam;
  private final AdjustableRate rate;

  /**
   * @param manager parent of the per-step scopes
   * @param parameters arrays with gradients attached
   * @param learningRate Adam's step size
   */
  public AdamSteps(NDManager manager, List<NDArray> parameters, double learningRate) {
    this.manager = manager;
    this.parameters = List.copyOf(parameters);
    this.rate = new AdjustableRate((float) learningRate);
    this.adam = Adam.builder().optLearningRateTracker(rate).build();
  }

  /**
   * One Adam step on the loss computed by {@code loss} from {@code inputs} and the parameters.
   *
   * @param inputs every array (besides the parameters) that {@code loss} reads; they are attached
   *     to the step's scope while it runs and returned to their managers afterwards
   * @return the loss before the update
   */
  public double step(List<? extends NDResource> inputs, Supplier<NDArray> loss) {
    double value;
    try (NDManager scope = manager.newSubManager()) {
      List<NDResource> attached = new ArrayList<>(inputs);
      attached.addAll(parameters);
      scope.tempAttachAll(attached.toArray(NDResource[]::new));
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray l = loss.get();
        collector.backward(l);
        value = l.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
      }
    }
    for (int i = 0; i < parameters.size(); i++) {
      NDArray p = parameters.get(i);
      try (NDArray grad = p.getGradient()) {
        adam.update("p" + i, p, grad);
        grad.subi(grad);
      }
    }
    return value;
  }

  /** Current step size. */
  public double learningRate() {
    return rate.value;
  }

  /** Changes the step size from the next step on (Adam's moment estimates are kept). */
  public void setLearningRate(double learningRate) {
    rate.value = (float) learningRate;
  }

  /** Evaluates {@code loss} without recording gradients (e.g. on a validation split). */
  public double evaluate(List<? extends NDResource> inputs, Supplier<NDArray> loss) {
    try (NDManager scope = manager.newSubManager()) {
      List<NDResource> attached = new ArrayList<>(inputs);
      attached.addAll(parameters);
      scope.tempAttachAll(attached.toArray(NDResource[]::new));
      NDArray l = loss.get();
      return l.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
    }
  }

  /** A learning rate the training loop can lower (e.g. on a validation plateau). */
  private static final class AdjustableRate implements Tracker {
    private volatile float value;

    AdjustableRate(float value) {
      this.value = value;
    }

    @Override
    public float getNewValue(int numUpdate) {
      return value;
    }
  }
}
