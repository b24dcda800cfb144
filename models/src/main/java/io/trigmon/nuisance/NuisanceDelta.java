package io.trigmon.nuisance;

import io.trigmon.mlp.DenseNetwork;

/**
 * The learned δ̂ of one shape nuisance: a network from standardised features to (δ̂_1, δ̂_2).
 *
 * @param name nuisance name
 * @param sigma physical size of 1σ (e.g. 0.03 for a 3 % momentum scale), for reports
 * @param trainingNu the shifts (σ units) it was trained on; outside their range the expansion is an
 *     extrapolation
 * @param network the trained network, outputs (δ̂_1, δ̂_2)
 */
public record NuisanceDelta(String name, double sigma, double[] trainingNu, DenseNetwork network) {

  public NuisanceDelta {
    trainingNu = trainingNu.clone();
    if (network.outputs() != 2) {
      throw new IllegalArgumentException("a δ̂ network has two outputs (δ̂_1, δ̂_2)");
    }
  }
}
