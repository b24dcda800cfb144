package io.trigmon.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AutoencoderFeaturesTest {

  @Test
  void hasTheChallengeLayoutOfNineteenSlots() {
    assertThat(AutoencoderFeatures.DIMENSION).isEqualTo(57);
    assertThat(AutoencoderFeatures.slotType(0)).isEqualTo(ObjectType.MET);
    for (int slot = 1; slot <= 4; slot++) {
      assertThat(AutoencoderFeatures.slotType(slot)).isEqualTo(ObjectType.ELECTRON);
    }
    for (int slot = 5; slot <= 8; slot++) {
      assertThat(AutoencoderFeatures.slotType(slot)).isEqualTo(ObjectType.MUON);
    }
    for (int slot = 9; slot <= 18; slot++) {
      assertThat(AutoencoderFeatures.slotType(slot)).isEqualTo(ObjectType.JET);
    }
  }

  @Test
  void placesEachObjectInItsSlotAsPtEtaPhi() {
    Event event =
        TestEvents.event()
            .met(11, 0.1)
            .electron(21, 0.2, 0.3)
            .muon(31, 0.4, 0.5)
            .jet(41, 0.6, 0.7)
            .build();
    float[] x = AutoencoderFeatures.of(event);
    assertThat(slot(x, 0)).containsExactly(11f, 0f, 0.1f);
    assertThat(slot(x, 1)).containsExactly(21f, 0.2f, 0.3f);
    assertThat(slot(x, 5)).containsExactly(31f, 0.4f, 0.5f);
    assertThat(slot(x, 9)).containsExactly(41f, 0.6f, 0.7f);
  }

  @Test
  void padsMissingObjectsWithZerosAndMasksThem() {
    Event event = TestEvents.event().electron(21, 0.2, 0.3).jet(41, 0.6, 0.7).jet(40, 1, 1).build();
    float[] x = new float[AutoencoderFeatures.DIMENSION];
    float[] mask = new float[AutoencoderFeatures.SLOTS];
    AutoencoderFeatures.fill(event, x, 0, mask, 0);
    assertThat(mask).containsExactly(1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0);
    for (int slot = 0; slot < AutoencoderFeatures.SLOTS; slot++) {
      if (mask[slot] == 0) {
        assertThat(slot(x, slot)).as("slot %d", slot).containsOnly(0f);
      }
    }
  }

  @Test
  void ordersEachTypeByDecreasingPtAndKeepsTheLeadingOnes() {
    TestEvents.Builder builder = TestEvents.event();
    float[] jetPts = {15, 80, 22, 91, 17, 60, 33, 45, 70, 18, 25, 99, 16};
    for (float pt : jetPts) {
      builder.jet(pt, 0, 0);
    }
    builder.muon(5, 1, 1).muon(50, -1, -1).muon(20, 2, 2).muon(30, 0, 0).muon(40, 0.5, 0.5);
    float[] x = AutoencoderFeatures.of(builder.build());

    float[] expectedJets = {99, 91, 80, 70, 60, 45, 33, 25, 22, 18};
    for (int i = 0; i < 10; i++) {
      assertThat(x[(9 + i) * 3]).isEqualTo(expectedJets[i]);
    }
    assertThat(slot(x, 5)).containsExactly(50f, -1f, -1f);
    assertThat(new float[] {x[6 * 3], x[7 * 3], x[8 * 3]}).containsExactly(40f, 30f, 20f);
  }

  @Test
  void fillsAtAnOffsetWithoutTouchingTheRest() {
    Event event = new TestEvents(41).next();
    float[] batch = new float[3 * AutoencoderFeatures.DIMENSION];
    float[] masks = new float[3 * AutoencoderFeatures.SLOTS];
    Arrays.fill(batch, -7f);
    Arrays.fill(masks, -7f);
    AutoencoderFeatures.fill(
        event, batch, AutoencoderFeatures.DIMENSION, masks, AutoencoderFeatures.SLOTS);
    assertThat(Arrays.copyOfRange(batch, 57, 114)).containsExactly(AutoencoderFeatures.of(event));
    assertThat(Arrays.copyOfRange(batch, 0, 57)).containsOnly(-7f);
    assertThat(Arrays.copyOfRange(batch, 114, 171)).containsOnly(-7f);
    assertThat(Arrays.copyOfRange(masks, 0, 19)).containsOnly(-7f);
    assertThat(Arrays.copyOfRange(masks, 38, 57)).containsOnly(-7f);
    assertThat(Arrays.copyOfRange(masks, 19, 38)).containsOnly(0f, 1f);
  }

  private static float[] slot(float[] x, int slot) {
    return Arrays.copyOfRange(x, slot * 3, slot * 3 + 3);
  }
}
