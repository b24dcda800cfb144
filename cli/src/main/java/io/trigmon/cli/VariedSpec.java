package io.trigmon.cli;

import java.nio.file.Path;
import picocli.CommandLine;

/**
 * One {@code --varied NAME=NU:FILE[@YIELD]} argument: a sample at nuisance NAME shifted by NU σ,
 * with expected yield YIELD relative to the nominal sample (default 1).
 */
record VariedSpec(String name, double nu, Path file, double yieldRatio) {

  static final String FORMAT = "NAME=NU:FILE[@YIELD]";

  /** Picocli converter; a malformed value is a parameter error naming the expected form. */
  static final class Converter implements CommandLine.ITypeConverter<VariedSpec> {
    @Override
    public VariedSpec convert(String value) {
      int eq = value.indexOf('=');
      int colon = value.indexOf(':', eq + 1);
      if (eq <= 0 || colon < 0 || colon == value.length() - 1) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not " + FORMAT + " (e.g. barrel=-1:/tmp/barrel_m1.csv@0.98)");
      }
      String name = value.substring(0, eq);
      double nu = number(value.substring(eq + 1, colon), "NU", value);
      String rest = value.substring(colon + 1);
      double yieldRatio = 1;
      int at = rest.lastIndexOf('@');
      if (at > 0) {
        yieldRatio = number(rest.substring(at + 1), "YIELD", value);
        rest = rest.substring(0, at);
      }
      if (nu == 0) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "': NU must be non-zero (the nominal sample is --nominal)");
      }
      if (!(yieldRatio > 0)) {
        throw new CommandLine.TypeConversionException("'" + value + "': YIELD must be positive");
      }
      return new VariedSpec(name, nu, Path.of(rest), yieldRatio);
    }

    private static double number(String text, String what, String value) {
      try {
        double x = Double.parseDouble(text);
        if (Double.isFinite(x)) {
          return x;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new CommandLine.TypeConversionException(
          "'"
              + value
              + "': "
              + what
              + " must be a number, got '"
              + text
              + "' (form "
              + FORMAT
              + ")");
    }
  }
}
