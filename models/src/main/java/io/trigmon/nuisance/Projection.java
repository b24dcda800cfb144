package io.trigmon.nuisance;

import io.trigmon.event.DileptonFeatures;
import java.util.function.ToDoubleFunction;

/**
 * A one-dimensional view of feature rows used by the binned checks (e.g. pT1 or M12).
 *
 * @param name shown in reports
 * @param value the projected value of a raw feature row
 */
public record Projection(String name, ToDoubleFunction<double[]> value) {

  /** Column {@code index} of the rows. */
  public static Projection column(String name, int index) {
    return new Projection(name, row -> row[index]);
  }

  /** The dilepton invariant mass M12 of a row of the five NPLM features. */
  public static Projection m12() {
    return new Projection(
        "M12", row -> DileptonFeatures.m12(row[0], row[1], row[2], row[3], row[4]));
  }

  double[] apply(double[][] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = value.applyAsDouble(rows[i]);
    }
    return out;
  }
}
