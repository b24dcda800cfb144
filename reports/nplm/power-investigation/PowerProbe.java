package io.trigmon.nplm;

import io.trigmon.calibration.Calibration;
import io.trigmon.event.DileptonFeatures;
import io.trigmon.mlp.Standardisation;
import io.trigmon.nuisance.NuisanceTerms;
import io.trigmon.simulation.Process;
import io.trigmon.simulation.Regime;
import io.trigmon.simulation.SignalInjection;
import io.trigmon.simulation.Simulator;
import java.util.*;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * Scratch study of the kernel NPLM's power (reports/nplm/power-investigation.md). Usage:
 * PowerProbe nR n0 nS nullToys sigToys seed spec... with spec =
 * name;tf=raw|log;pct=90|sigma=3;M=142;lambda=1e-6;centres=R|RD|FPS
 * (-Dprobe.signal=EFT: EFT signal windows instead of the Z′, nS of them)
 */
public final class PowerProbe {

  /** Dilepton selection; -Dmass.min=60 includes the Z peak (default M12 > 100 GeV). */
  static final io.trigmon.simulation.Selection SELECTION = io.trigmon.simulation.Selection.dilepton(
      Double.parseDouble(System.getProperty("mass.min", "100")));

  static double[][] features(Simulator sim, int n) {
    return sim.events(n).map(DileptonFeatures::of).flatMap(Optional::stream)
        .map(DileptonFeatures::toArray).toArray(double[][]::new);
  }

  static double[][] window(int n0, Process signal, int count, SplittableRandom random) {
    int n = new PoissonDistribution(new Well19937c(random.nextLong()), n0,
        PoissonDistribution.DEFAULT_EPSILON, 10_000_000).sample();
    Simulator.Builder b = Simulator.builder().process(Process.DY).regime(Regime.MUON_LIKE)
        .selection(SELECTION).seed(random.nextLong());
    if (signal != null) b.signal(SignalInjection.count(signal, count));
    return features(b.build(), n);
  }

  static double[][] transform(double[][] x, String tf) {
    if (!tf.equals("log")) return x;
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      double[] r = x[i].clone();
      r[0] = Math.log(r[0]);
      r[1] = Math.log(r[1]);
      out[i] = r;
    }
    return out;
  }

  static double[][] draw(double[][] z, int m, SplittableRandom random) {
    m = Math.min(m, z.length);
    int[] idx = new int[z.length];
    for (int i = 0; i < idx.length; i++) idx[i] = i;
    double[][] c = new double[m][];
    for (int i = 0; i < m; i++) {
      int j = i + random.nextInt(z.length - i);
      int t = idx[i]; idx[i] = idx[j]; idx[j] = t;
      c[i] = z[idx[i]];
    }
    return c;
  }

  /** Farthest-point sampling: centres spread evenly over the support, tails included. */
  static double[][] farthest(double[][] z, int m, SplittableRandom random) {
    double[] d = new double[z.length];
    Arrays.fill(d, Double.POSITIVE_INFINITY);
    double[][] c = new double[m][];
    int next = random.nextInt(z.length);
    for (int k = 0; k < m; k++) {
      c[k] = z[next];
      double best = -1;
      for (int i = 0; i < z.length; i++) {
        d[i] = Math.min(d[i], KernelHyperParameters.squaredDistance(z[i], c[k]));
        if (d[i] > best) { best = d[i]; next = i; }
      }
    }
    return c;
  }

  public static void main(String[] args) {
    int nR = Integer.parseInt(args[0]);
    int n0 = Integer.parseInt(args[1]);
    int nS = Integer.parseInt(args[2]);
    int nullToys = Integer.parseInt(args[3]);
    int sigToys = Integer.parseInt(args[4]);
    long seed = Long.parseLong(args[5]);
    double[][] ref = features(Simulator.builder().process(Process.DY).regime(Regime.MUON_LIKE)
        .selection(SELECTION).seed(seed).build(), nR);
    SplittableRandom random = new SplittableRandom(seed + 1);
    List<double[][]> nulls = new ArrayList<>();
    for (int i = 0; i < nullToys; i++) nulls.add(window(n0, null, 0, random));
    List<double[][]> sigs = new ArrayList<>();
    for (int i = 0; i < sigToys; i++) sigs.add(window(n0, Process.valueOf(System.getProperty("probe.signal", "ZPRIME")), nS, random));
    System.out.printf(Locale.ROOT, "N_R=%d N0=%d NS=%d null=%d sig=%d%n", ref.length, n0, nS,
        nullToys, sigToys);
    System.out.println("| setting | σ | M (rank) | null dof | KS p | P(Z≥2) | P(Z≥3) | median Z | s/test |");
    for (int a = 6; a < args.length; a++) run(args[a], ref, nulls, sigs, n0, seed);
  }

  static void run(String spec, double[][] ref0, List<double[][]> nulls, List<double[][]> sigs,
      int n0, long seed) {
    Map<String, String> o = new HashMap<>();
    String name = spec.split(";")[0];
    for (String kv : spec.split(";")) if (kv.contains("=")) o.put(kv.split("=")[0], kv.split("=")[1]);
    String tf = o.getOrDefault("tf", "raw");
    double[][] ref = transform(ref0, tf);
    Standardisation st = Standardisation.fit(ref);
    double[][] z = st.apply(ref);
    if (tf.equals("higgs")) {
      // the published code's 'higgs' scaling: positive features (pT) divided by their mean
      double[] std = st.scale().clone();
      std[0] = st.mean()[0];
      std[1] = st.mean()[1];
      st = new Standardisation(st.mean(), std);
      z = st.apply(ref);
    }
    System.out.println("  [" + name + "] " + st);
    int m = Integer.parseInt(o.getOrDefault("M", "" + (int) Math.ceil(Math.sqrt(ref.length))));
    double lambda = Double.parseDouble(o.getOrDefault("lambda", "1e-6"));
    double sigma = o.containsKey("sigma") ? Double.parseDouble(o.get("sigma"))
        : KernelHyperParameters.pairwiseDistancePercentile(z,
            Double.parseDouble(o.getOrDefault("pct", "90")), seed);
    String centres = o.getOrDefault("centres", "R");
    KernelHyperParameters hyper = new KernelHyperParameters(sigma, m, lambda, seed);
    NplmOptions options = NplmOptions.expected(n0);
    KernelNplm fixed = null;
    if (centres.equals("R")) fixed = KernelNplm.prepareWithCentres(ref, st, draw(z, m, new SplittableRandom(seed)), hyper);
    if (centres.equals("FPS")) fixed = KernelNplm.prepareWithCentres(ref, st, farthest(z, m, new SplittableRandom(seed)), hyper);
    double frac = Double.parseDouble(o.getOrDefault("dfrac", "0.5"));
    long t0 = System.nanoTime();
    double[] nt = new double[nulls.size()];
    int rank = fixed == null ? -1 : fixed.rank();
    for (int i = 0; i < nt.length; i++) {
      nt[i] = test(fixed, ref, z, st, hyper, nulls.get(i), tf, options, frac, i);
      if (nt[i] != nt[i]) throw new IllegalStateException("NaN");
    }
    double[] stt = new double[sigs.size()];
    for (int i = 0; i < stt.length; i++) {
      stt[i] = test(fixed, ref, z, st, hyper, sigs.get(i), tf, options, frac, 1000 + i);
    }
    double sPer = (System.nanoTime() - t0) / 1e9 / (nt.length + stt.length);
    Calibration cal = Calibration.of(Map.of(0.0, nt));
    double[] zs = Arrays.stream(stt).map(cal::z).toArray();
    String csvDir = System.getProperty("probe.csv.dir");
    if (csvDir != null) {
      // per Z′ window, in the layout of `validate nplm`'s power-*-toys.csv (same windows for the
      // same seed and toy counts), so a setting can be paired with that run's neural Z
      StringBuilder csv = new StringBuilder("sample,window,kernel_t,kernel_z\n");
      for (int i = 0; i < zs.length; i++) {
        csv.append(String.format(Locale.ROOT, "zprime,%d,%.4f,%.4f%n", i, stt[i], zs[i]));
      }
      try {
        java.nio.file.Files.writeString(
            java.nio.file.Path.of(csvDir, name.replaceAll("[^A-Za-z0-9.=-]+", "_") + ".csv"), csv);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    double[] sorted = zs.clone();
    Arrays.sort(sorted);
    double med = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    double[] ns = nt.clone(); Arrays.sort(ns);
    double[] ss = stt.clone(); Arrays.sort(ss);
    System.out.printf(Locale.ROOT, "| %s | %.3f | %d (%s) | %.1f | %.3f | %.2f | %.2f | %.2f | %.2f |   [null t median %.1f, signal t median %.1f]%n",
        name, sigma, m, rank < 0 ? "per window" : "" + rank, cal.dof(), cal.fit().ksPValue(),
        Arrays.stream(zs).filter(v -> v >= 2).count() / (double) zs.length,
        Arrays.stream(zs).filter(v -> v >= 3).count() / (double) zs.length, med, sPer,
        ns[ns.length / 2], ss[ss.length / 2]);
    System.out.flush();
  }

  static double test(KernelNplm fixed, double[][] ref, double[][] z, Standardisation st,
      KernelHyperParameters hyper, double[][] w0, String tf, NplmOptions options, double frac,
      int salt) {
    double[][] w = transform(w0, tf);
    if (fixed != null) return fixed.test(w, NuisanceTerms.none(), options).t();
    // R ∪ D: a fixed part of the centres from R, the rest from this window.
    int m = hyper.centres();
    int md = (int) Math.round(m * frac);
    double[][] cr = draw(z, m - md, new SplittableRandom(hyper.seed()));
    double[][] cd = draw(st.apply(w), md, new SplittableRandom(hyper.seed() + salt));
    double[][] c = new double[cr.length + cd.length][];
    System.arraycopy(cr, 0, c, 0, cr.length);
    System.arraycopy(cd, 0, c, cr.length, cd.length);
    return KernelNplm.prepareWithCentres(ref, st, c, hyper).test(w, NuisanceTerms.none(), options).t();
  }
}
