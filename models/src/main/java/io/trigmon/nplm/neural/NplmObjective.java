package io.trigmon.nplm.neural;

import io.trigmon.mlp.DenseNetwork;

/**
 * The NPLM loss L(θ) of a {@link NeuralNplmProblem} with its gradient, as the optimisers of {@link
 * NeuralNplm} see it; θ laid out by {@link ParameterLayout}. Two implementations compute the same
 * numbers: {@link NeuralNplmLoss} (DJL autograd) and {@link JavaNplmLoss} (hand-written backward
 * pass, faster for this tiny network; see {@link NeuralNplmConfig.Backend}).
 */
interface NplmObjective extends ProjectedLbfgs.Objective, AutoCloseable {

  /** Where each parameter sits in θ. */
  ParameterLayout layout();

  /** Loss evaluations so far. */
  int evaluations();

  default int dimension() {
    return layout().dimension();
  }

  default double[] start(DenseNetwork initial) {
    return layout().start(initial);
  }

  default double[] lowerBounds(double clip) {
    return layout().lowerBounds(clip);
  }

  default double[] upperBounds(double clip) {
    return layout().upperBounds(clip);
  }

  default DenseNetwork network(double[] theta) {
    return layout().network(theta);
  }

  default double[] nuisances(double[] theta) {
    return layout().nuisances(theta);
  }

  @Override
  void close();
}
