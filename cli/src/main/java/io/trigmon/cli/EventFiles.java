package io.trigmon.cli;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.exceptions.HdfException;
import io.trigmon.event.Event;
import io.trigmon.event.ObjectType;
import io.trigmon.event.Particle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Event files the {@code ae} commands read: HDF5 in the layout of the 40 MHz challenge dataset, a
 * {@code Particles} array (N, 19, 4) of (pT, η, φ, type code). A stop-gap behind {@link #read}
 * until the {@code io.trigmon.io} readers land; then {@link #read} delegates to them.
 */
final class EventFiles {

  static final String PARTICLES = "Particles";

  private EventFiles() {}

  /** All events of a file; a missing or unreadable file is the user's to fix. */
  static List<Event> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UserException("event file " + file + " does not exist");
    }
    try (HdfFile hdf = new HdfFile(file)) {
      Dataset dataset = hdf.getDatasetByPath(PARTICLES);
      return toEvents(dataset.getData());
    } catch (HdfException e) {
      throw new UserException(
          "cannot read "
              + file
              + " as challenge-layout HDF5 (dataset '"
              + PARTICLES
              + "' of shape"
              + " (N, 19, 4)): "
              + e.getMessage());
    }
  }

  /** Writes events in the challenge layout (objects beyond the 19 slots are dropped). */
  static void write(Path file, List<Event> events) {
    float[][][] particles = new float[events.size()][19][4];
    for (int e = 0; e < events.size(); e++) {
      Event event = events.get(e).ordered();
      int slot = 0;
      for (ObjectType type : ObjectType.values()) {
        List<Particle> objects = event.objects(type);
        for (int i = 0; i < type.slots(); i++, slot++) {
          if (i < objects.size()) {
            Particle p = objects.get(i);
            particles[e][slot] = new float[] {p.pt(), p.eta(), p.phi(), type.code()};
          }
        }
      }
    }
    try (WritableHdfFile hdf = HdfFile.write(file)) {
      hdf.putDataset(PARTICLES, particles);
    }
  }

  private static List<Event> toEvents(Object data) {
    if (!(data instanceof float[][][] || data instanceof double[][][])) {
      throw new UserException("dataset '" + PARTICLES + "' must be a 3-d float array (N, 19, 4)");
    }
    int n = data instanceof float[][][] f ? f.length : ((double[][][]) data).length;
    List<Event> events = new ArrayList<>(n);
    for (int e = 0; e < n; e++) {
      events.add(toEvent(e, row(data, e)));
    }
    return events;
  }

  private static double[][] row(Object data, int e) {
    if (data instanceof double[][][] d) {
      return d[e];
    }
    float[][] f = ((float[][][]) data)[e];
    double[][] out = new double[f.length][];
    for (int i = 0; i < f.length; i++) {
      out[i] = new double[f[i].length];
      for (int j = 0; j < f[i].length; j++) {
        out[i][j] = f[i][j];
      }
    }
    return out;
  }

  private static Event toEvent(int index, double[][] slots) {
    Particle met = Particle.met(0, 0);
    List<Particle> electrons = new ArrayList<>();
    List<Particle> muons = new ArrayList<>();
    List<Particle> jets = new ArrayList<>();
    for (double[] slot : slots) {
      if (slot.length != 4) {
        throw new UserException("each object of '" + PARTICLES + "' needs (pT, η, φ, type)");
      }
      int code = (int) slot[3];
      if (code == 0) {
        continue;
      }
      Particle p = Particle.of(slot[0], slot[1], slot[2]);
      switch (ObjectType.ofCode(code)) {
        case MET -> met = Particle.met(slot[0], slot[2]);
        case ELECTRON -> electrons.add(p);
        case MUON -> muons.add(p);
        case JET -> jets.add(p);
      }
    }
    return new Event(1, 1, index, 0, "file", met, electrons, muons, jets);
  }
}
