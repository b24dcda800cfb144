package io.trigmon.io;

import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.exceptions.HdfException;
import io.trigmon.event.AutoencoderFeatures;
import io.trigmon.event.Event;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.LongUnaryOperator;

/**
 * Events in the HDF5 layout of the public 40 MHz anomaly-detection challenge (Govorkova et al.,
 * arXiv:2107.02157): a dataset {@code Particles} of shape (N, 19, 4), each row 19 slots of (pT, η,
 * φ, type) with type 1 MET, 2 electron, 3 muon, 4 jet and 0 padding, slots 0 MET, 1-4 electrons,
 * 5-8 muons, 9-18 jets (the slots of {@link AutoencoderFeatures}). The public files hold float64
 * (gzip-compressed chunks) and the string datasets {@code Particles_Names} and {@code
 * Particles_Classes}; trigmon writes float32, the precision of its events, and the same names.
 *
 * <p>The public files do not record where an event sits in the data-taking. trigmon writes that in
 * optional datasets beside {@code Particles}: {@code run} (int64), {@code lumisection} (int32),
 * {@code event} (int64), {@code event_time_ns} (int64, ns since the epoch), and the stream key as a
 * root attribute {@code stream} (one stream) or as a root attribute {@code streams} (the keys) with
 * a dataset {@code stream_index} (int32, which key each event has). When reading, each of them that
 * is missing is synthesised by an {@link EventStamping}, except that the public black-box file's
 * {@code EvtId} serves as event number when there is no {@code event}. A row whose MET slot is
 * padding gives an event with zero MET.
 *
 * <p>Writing keeps the leading objects of each type only (1 MET, 4 electrons, 4 muons, 10 jets by
 * pT): the layout has no room for more, so objects beyond the slots are dropped.
 */
public final class ChallengeHdf5 {

  /** The dataset of object rows, shape (N, 19, 4). */
  public static final String PARTICLES = "Particles";

  public static final String RUN = "run";
  public static final String LUMISECTION = "lumisection";
  public static final String EVENT = "event";
  public static final String EVENT_TIME = "event_time_ns";
  public static final String STREAM = "stream";
  public static final String STREAMS = "streams";
  public static final String STREAM_INDEX = "stream_index";

  /**
   * Event ids of the public black-box file, used as event numbers when {@link #EVENT} is absent.
   */
  public static final String EVENT_ID = "EvtId";

  private static final String EXPECTED_PARTICLES =
      "of shape (N, "
          + AutoencoderFeatures.SLOTS
          + ", "
          + ChallengeRows.PER_SLOT
          + "), float32 or float64 (pT, eta, phi, type) as in the 40 MHz anomaly-detection challenge";

  /** Events per block when a float64 file is narrowed to float32 on reading. */
  static final int READ_BLOCK = 1 << 16;

  private ChallengeHdf5() {}

  /** Reads all events, synthesising missing run/lumisection/event/time/stream by the defaults. */
  public static RecordedEvents read(Path file) {
    return read(file, EventStamping.DEFAULT);
  }

  /** Reads all events, synthesising missing run/lumisection/event/time/stream by {@code stamps}. */
  public static RecordedEvents read(Path file, EventStamping stamps) {
    return read(file, stamps, READ_BLOCK);
  }

  /** Reads all events, narrowing float64 rows {@code readBlock} events at a time. */
  static RecordedEvents read(Path file, EventStamping stamps, int readBlock) {
    try (Hdf5Input in = Hdf5Input.open(file)) {
      float[] particles = particles(in, readBlock);
      int n = particles.length / ChallengeRows.ROW;
      checkTypeCodes(particles, file);
      long[] times =
          in.optionalLongs(EVENT_TIME, n).orElseGet(() -> synthetic(n, stamps::timeNanos));
      long[] runs = in.optionalLongs(RUN, n).orElseGet(() -> constant(n, stamps.run()));
      long[] lumis =
          in.optionalLongs(LUMISECTION, n).orElseGet(() -> synthetic(n, stamps::lumisection));
      long[] numbers =
          in.optionalLongs(EVENT, n)
              .or(() -> in.optionalLongs(EVENT_ID, n))
              .orElseGet(() -> synthetic(n, i -> i + 1));
      Optional<long[]> streamIndex = in.optionalLongs(STREAM_INDEX, n);
      String[] streams;
      if (streamIndex.isPresent()) {
        streams =
            in.rootStrings(STREAMS)
                .orElseThrow(
                    () ->
                        new RecordedFileException(
                            file,
                            "dataset '"
                                + STREAM_INDEX
                                + "' needs the root attribute '"
                                + STREAMS
                                + "' (the stream keys it indexes); add it or remove '"
                                + STREAM_INDEX
                                + "'"));
        checkIndex(streamIndex.get(), streams.length, file);
      } else {
        streams = new String[] {in.rootString(STREAM).orElse(stamps.stream())};
      }
      return new RecordedEvents(
          file, particles, runs, lumis, numbers, times, streams, streamIndex.orElse(null));
    }
  }

  /** Whether an HDF5 file has a top-level {@code Particles} dataset. */
  static boolean hasParticles(Path file) {
    try (Hdf5Input in = Hdf5Input.open(file)) {
      return in.has(PARTICLES);
    }
  }

  /**
   * Writes events in the challenge layout with their run, lumisection, event number, time and
   * stream. Objects beyond the 19 slots are dropped. Buffers the whole file in memory (about 130
   * bytes per event plus 32 per object) since jHDF writes whole arrays only.
   *
   * @throws RecordedFileException when there are no events (an HDF5 dataset cannot be empty here)
   */
  public static void write(Path file, Iterable<Event> events) {
    EventFiles.write(file, events, FileFormat.CHALLENGE_HDF5);
  }

  /**
   * A writer that takes events one at a time and writes the file on {@link EventWriter#close()}.
   */
  public static EventWriter writer(Path file) {
    return new ChallengeHdf5Writer(file);
  }

  /** Writes the buffered rows and stamps; called by {@link ChallengeHdf5Writer}. */
  static void writeArrays(
      Path file,
      float[][][] particles,
      long[] runs,
      int[] lumisections,
      long[] eventNumbers,
      long[] timesNanos,
      String[] streams,
      int[] streamIndex) {
    try (WritableHdfFile out = Hdf5Output.create(file)) {
      out.putDataset(PARTICLES, particles);
      out.putDataset("Particles_Names", new String[] {"Pt", "Eta", "Phi", "Class"});
      out.putDataset(
          "Particles_Classes",
          new String[] {"MET_class_1", "Four_Ele_class_2", "Four_Mu_class_3", "Ten_Jet_class_4"});
      out.putDataset(RUN, runs);
      out.putDataset(LUMISECTION, lumisections);
      out.putDataset(EVENT, eventNumbers);
      out.putDataset(EVENT_TIME, timesNanos);
      if (streams.length == 1) {
        out.putAttribute(STREAM, streams[0]);
      } else {
        out.putAttribute(STREAMS, streams);
        out.putDataset(STREAM_INDEX, streamIndex);
      }
    } catch (HdfException e) {
      throw new RecordedFileException(file, "cannot write HDF5 file: " + e.getMessage(), e);
    }
  }

  private static float[] particles(Hdf5Input in, int readBlock) {
    Dataset dataset = in.require(PARTICLES, EXPECTED_PARTICLES);
    int[] dims = dataset.getDimensions();
    if (dims.length != 3
        || dims[1] != AutoencoderFeatures.SLOTS
        || dims[2] != ChallengeRows.PER_SLOT) {
      throw new RecordedFileException(
          in.file(),
          "expected dataset '"
              + PARTICLES
              + "' "
              + EXPECTED_PARTICLES
              + "; found shape "
              + Hdf5Input.shape(dataset));
    }
    if (dataset.getJavaType() == float.class) {
      return (float[]) dataset.getDataFlat();
    }
    if (dataset.getJavaType() == double.class) {
      return narrowedInBlocks(dataset, dims[0], readBlock);
    }
    throw new RecordedFileException(
        in.file(),
        "expected dataset '"
            + PARTICLES
            + "' "
            + EXPECTED_PARTICLES
            + "; found "
            + dataset.getJavaType()
            + " values");
  }

  /**
   * A float64 {@code Particles} array (as in the public files) as floats, read a block of events at
   * a time so that the doubles of the whole file are never held at once (2.4 GB for 4·10^6 events).
   */
  private static float[] narrowedInBlocks(Dataset dataset, int n, int readBlock) {
    float[] out = new float[Math.multiplyExact(n, ChallengeRows.ROW)];
    int at = 0;
    for (int first = 0; first < n; first += readBlock) {
      int count = Math.min(readBlock, n - first);
      double[][][] block =
          (double[][][])
              dataset.getData(
                  new long[] {first, 0, 0},
                  new int[] {count, AutoencoderFeatures.SLOTS, ChallengeRows.PER_SLOT});
      for (double[][] event : block) {
        for (double[] slot : event) {
          for (double value : slot) {
            out[at++] = (float) value;
          }
        }
      }
    }
    return out;
  }

  /** Fails on the first slot whose type code is neither padding nor the slot's own type. */
  private static void checkTypeCodes(float[] particles, Path file) {
    float[] allowed = new float[AutoencoderFeatures.SLOTS];
    for (int slot = 0; slot < allowed.length; slot++) {
      allowed[slot] = AutoencoderFeatures.slotType(slot).code();
    }
    int n = particles.length / ChallengeRows.ROW;
    for (int i = 0; i < n; i++) {
      for (int slot = 0; slot < allowed.length; slot++) {
        float code = particles[i * ChallengeRows.ROW + slot * ChallengeRows.PER_SLOT + 3];
        if (code != 0f && code != allowed[slot]) {
          ChallengeRows.read(particles, i, file); // throws with the full explanation
        }
      }
    }
  }

  private static void checkIndex(long[] index, int streams, Path file) {
    for (int i = 0; i < index.length; i++) {
      if (index[i] < 0 || index[i] >= streams) {
        throw new RecordedFileException(
            file,
            STREAM_INDEX
                + "["
                + i
                + "] = "
                + index[i]
                + " but the attribute '"
                + STREAMS
                + "' has "
                + streams
                + " stream keys");
      }
    }
  }

  private static long[] synthetic(int n, LongUnaryOperator value) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = value.applyAsLong(i);
    }
    return out;
  }

  private static long[] constant(int n, long value) {
    long[] out = new long[n];
    Arrays.fill(out, value);
    return out;
  }
}
