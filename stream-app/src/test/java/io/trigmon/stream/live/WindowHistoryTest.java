package io.trigmon.stream.live;

import static io.trigmon.stream.alert.Results.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.trigmon.stream.alert.WindowResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowHistoryTest {

  private static List<String> ids(List<WindowResult> windows) {
    return windows.stream().map(WindowResult::windowId).toList();
  }

  @Test
  void keepsOnlyTheNewestWindowsOfAStream() {
    WindowHistory history = new WindowHistory(3);
    for (int i = 1; i <= 5; i++) {
      history.add(window("dimuon", i, 1.0));
    }
    assertThat(ids(history.windows("dimuon"))).containsExactly("dimuon:3", "dimuon:4", "dimuon:5");
  }

  @Test
  void ordersByWindowWhateverTheArrivalOrder() {
    WindowHistory history = new WindowHistory(10);
    for (int i : new int[] {4, 1, 3, 5, 2}) {
      history.add(window("dimuon", i, 1.0));
    }
    assertThat(ids(history.windows("dimuon")))
        .containsExactly("dimuon:1", "dimuon:2", "dimuon:3", "dimuon:4", "dimuon:5");
  }

  @Test
  void aLateOldWindowBeyondCapacityIsDroppedNotTheNewest() {
    WindowHistory history = new WindowHistory(2);
    history.add(window("dimuon", 5, 1.0));
    history.add(window("dimuon", 6, 1.0));
    history.add(window("dimuon", 1, 1.0));
    assertThat(ids(history.windows("dimuon"))).containsExactly("dimuon:5", "dimuon:6");
  }

  @Test
  void aRepeatedWindowIdReplacesTheHeldResult() {
    WindowHistory history = new WindowHistory(10);
    history.add(window("dimuon", 1, 1.0));
    history.add(window("dimuon", 2, 1.0));
    history.add(window("dimuon", 1, 4.5));

    List<WindowResult> windows = history.windows("dimuon");
    assertThat(ids(windows)).containsExactly("dimuon:1", "dimuon:2");
    assertThat(windows.get(0).z()).isEqualTo(4.5);
  }

  @Test
  void replacingDoesNotCountTowardsCapacity() {
    WindowHistory history = new WindowHistory(2);
    history.add(window("dimuon", 1, 1.0));
    history.add(window("dimuon", 2, 1.0));
    for (int repeat = 0; repeat < 5; repeat++) {
      history.add(window("dimuon", 2, 2.0 + repeat));
    }
    assertThat(ids(history.windows("dimuon"))).containsExactly("dimuon:1", "dimuon:2");
  }

  @Test
  void streamsAreKeptApartAndListedByName() {
    WindowHistory history = new WindowHistory(2);
    history.add(window("zz", 1, 1.0));
    history.add(window("dimuon", 1, 1.0));
    history.add(window("dimuon", 2, 1.0));
    history.add(window("dimuon", 3, 1.0));

    assertThat(history.streams()).containsExactly("dimuon", "zz");
    assertThat(ids(history.windows("zz"))).containsExactly("zz:1");
    assertThat(history.windows("unknown")).isEmpty();
  }
}
