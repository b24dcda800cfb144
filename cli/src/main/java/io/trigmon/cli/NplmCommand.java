package io.trigmon.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.trigmon.calibration.CalibratedNplm;
import io.trigmon.io.FeatureTable;
import io.trigmon.io.RecordedFileException;
import io.trigmon.nplm.NplmOptions;
import io.trigmon.nplm.neural.NeuralNplmConfig;
import io.trigmon.nuisance.NuisanceModel;
import io.trigmon.nuisance.ShapeNuisanceModel;
import io.trigmon.store.ModelFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trigmon nplm}: one NPLM two-sample test of a data file against a reference file (DESIGN
 * §4), calibrated by a saved calibration or by null toys from a disjoint part of the reference,
 * written as JSON ({@code t, tau, delta, nu_hat, dof, p, z, n_data, n_reference, seconds, …}).
 */
@Command(
    name = "nplm",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Test a data window against a reference sample with the NPLM two-sample test and write t,"
          + " tau, delta, nu_hat, dof, p, z to a JSON file.",
      "Input files hold the five NPLM features: CSV with the header pt1,pt2,eta1,eta2,dphi, or"
          + " HDF5 in the dimuon or challenge layout (.h5).",
      "Without --calibration the test calibrates itself: --toys null toys per nuisance point are"
          + " resampled from a disjoint part (--toy-fraction) of the reference file."
    },
    footer = {
      "",
      "Examples:",
      "  ./trigmon nplm --reference ref.csv --data window.csv --json out.json",
      "  ./trigmon nplm --reference ref.csv --data window.csv --expected 20000 --toys 300 \\",
      "      --save-calibration cal/ --json out.json",
      "  ./trigmon nplm --reference ref.csv --data window.csv --expected 20000 \\",
      "      --calibration cal/ --json out.json"
    })
public final class NplmCommand implements Callable<Integer> {

  @Option(
      names = "--reference",
      required = true,
      paramLabel = "R.csv",
      description = "Reference sample (events under the reference hypothesis).")
  Path reference;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "D.csv",
      description = "Data window to test.")
  Path data;

  @Option(
      names = "--expected",
      paramLabel = "N",
      description =
          "N(R0), the expected number of data events under the reference hypothesis (default: the"
              + " observed count, a shape-only test with a free normalisation).")
  Double expected;

  @Option(
      names = "--nuisance-model",
      paramLabel = "DIR",
      description = "Learned δ̂ nuisance model (from 'trigmon nuisance train').")
  Path nuisanceModel;

  @Option(
      names = "--aux",
      paramLabel = "NAME=NU",
      description =
          "Auxiliary measurement of a nuisance in σ units (default 0); 'norm' for the"
              + " normalisation. Repeatable.")
  Map<String, Double> aux = new LinkedHashMap<>();

  @Option(
      names = "--norm-sigma",
      paramLabel = "S",
      description =
          "Normalisation uncertainty σ_N with --expected (default: "
              + NplmOptions.DEFAULT_NORM_SIGMA
              + " with a nuisance model, none without).")
  Double normSigma;

  @ArgGroup(exclusive = true)
  CalibrationSource calibration = new CalibrationSource();

  static final class CalibrationSource {
    @Option(
        names = "--calibration",
        paramLabel = "DIR",
        description = "Saved calibration (made by --save-calibration for this reference).")
    Path directory;

    @Option(
        names = "--toys",
        paramLabel = "N",
        description = "Null toys per nuisance point for self-calibration (default: 100).")
    Integer toys;
  }

  @Option(
      names = "--method",
      paramLabel = "kernel|nn",
      defaultValue = "kernel",
      description =
          "Kernel (fast, online) or neural NPLM (5-5-5-5-1 sigmoid MLP, weight clipping 2.15,"
              + " trained with DJL; minutes per test at the benchmark size, and the toys of a"
              + " self-calibration are fitted the same way) (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(
      names = "--nn-tolerance",
      paramLabel = "L",
      defaultValue = "1e-4",
      description =
          "Neural NPLM: stop the L-BFGS fit after 10 iterations in a row that lower the loss by"
              + " less than L (default: ${DEFAULT-VALUE}), or when 500 iterations lowered it by"
              + " less than 10⁻³·|L|, or after 10⁴ iterations.")
  double nnTolerance;

  @Option(
      names = "--json",
      required = true,
      paramLabel = "OUT.json",
      description = "Where to write the result.")
  Path json;

  @Option(
      names = "--centres",
      paramLabel = "M",
      defaultValue = "0",
      description = "Nyström centres (default: ⌈√N_R⌉, the published protocol).")
  int centres;

  @Option(
      names = "--toy-fraction",
      paramLabel = "F",
      defaultValue = "0.3",
      description =
          "Fraction of the reference file set aside for self-calibration toys (default:"
              + " ${DEFAULT-VALUE}); keep the pool several times larger than the window.")
  double toyFraction;

  @Option(
      names = "--save-calibration",
      paramLabel = "DIR",
      description = "Save the self-made calibration here, for reuse with --calibration.")
  Path saveCalibration;

  @Option(
      names = "--save-model",
      paramLabel = "DIR",
      description =
          "Save the kernel NPLM reference model (reference events, σ, M, λ, standardisation,"
              + " SHA-256) here, for the online monitor.")
  Path saveModel;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "1",
      description =
          "Seed of the reference split, the centres and the toys (default: ${DEFAULT-VALUE}).")
  long seed;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private static double[][] read(Path file) {
    try {
      double[][] rows = FeatureTable.read(file).toMatrix();
      if (rows.length == 0) {
        throw new UserException(file + " holds no events");
      }
      return rows;
    } catch (RecordedFileException e) {
      throw new UserException(e.getMessage());
    }
  }

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @Override
  public Integer call() throws IOException {
    if (!method.equals("kernel") && !method.equals("nn")) {
      throw new UserException("--method must be 'kernel' or 'nn', not '" + method + "'");
    }
    if (method.equals("nn") && saveModel != null) {
      throw new UserException(
          "--save-model saves the kernel NPLM reference model for the online monitor; it does not"
              + " go with --method nn");
    }
    int toys = calibration.toys == null ? 100 : calibration.toys;
    if (toys < 5) {
      throw new UserException("--toys must be at least 5 to fit a χ², got " + toys);
    }
    double sigmaN =
        normSigma != null ? normSigma : nuisanceModel != null ? NplmOptions.DEFAULT_NORM_SIGMA : 0;
    NplmOptions options = new NplmOptions(expected, sigmaN, aux, 1e-6, 100);
    ShapeNuisanceModel model = null;
    if (nuisanceModel != null) {
      try {
        model = NuisanceModel.load(nuisanceModel);
      } catch (ModelFileException e) {
        throw new UserException(e.getMessage());
      }
    }
    double[][] referenceRows = read(reference);
    double[][] dataRows = read(data);
    CalibratedNplm.Outcome outcome;
    try {
      outcome =
          CalibratedNplm.run(
              new CalibratedNplm.Request(
                  referenceRows,
                  dataRows,
                  options,
                  model,
                  centres,
                  seed,
                  calibration.directory != null ? 0 : toyFraction,
                  toys,
                  calibration.directory,
                  saveCalibration,
                  saveModel,
                  method.equals("nn")
                      ? NeuralNplmConfig.defaults().withTolerance(nnTolerance)
                      : null));
    } catch (ModelFileException | IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    Map<String, Object> out =
        JSON.convertValue(
            outcome.result(),
            JSON.getTypeFactory()
                .constructMapType(LinkedHashMap.class, String.class, Object.class));
    Map<String, Object> cal = new LinkedHashMap<>();
    cal.put("source", calibration.directory != null ? calibration.directory.toString() : "toys");
    cal.put("toys", outcome.calibration().fit().toys());
    cal.put("ks_distance", outcome.calibration().fit().ksDistance());
    cal.put("ks_p_value", outcome.calibration().fit().ksPValue());
    out.put("calibration", cal);
    Map<String, Object> settings = new LinkedHashMap<>(outcome.model());
    settings.put("reference_sha256", outcome.referenceSha256());
    out.put("model", settings);
    if (json.toAbsolutePath().getParent() != null) {
      Files.createDirectories(json.toAbsolutePath().getParent());
    }
    JSON.writeValue(json.toFile(), out);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(
        Locale.ROOT,
        "t = %.3f (tau %.3f, delta %.3f), dof %.1f, p = %.3g, Z = %.2f, %.2f s -> %s%n",
        outcome.result().t(),
        outcome.result().tau(),
        outcome.result().delta(),
        outcome.result().dof(),
        outcome.result().p(),
        outcome.result().z(),
        outcome.result().seconds(),
        json);
    return 0;
  }
}
