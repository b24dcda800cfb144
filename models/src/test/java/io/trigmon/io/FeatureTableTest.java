package io.trigmon.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.trigmon.event.DileptonFeatures;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureTableTest {

  private static final DileptonFeatures A = new DileptonFeatures(120, 80, 0.5, -0.5, 3.0);
  private static final DileptonFeatures B = new DileptonFeatures(300, 50, -1.0, 2.0, -1.0);

  @Test
  void rowsColumnsAndMatrixAgree() {
    FeatureTable table = FeatureTable.of(List.of(A, B));

    assertThat(table.rows()).isEqualTo(2);
    assertThat(table.row(1)).isEqualTo(B);
    assertThat(table.get(0, 4)).isEqualTo(3.0);
    assertThat(table.column(FeatureTable.COLUMNS.indexOf("pt2"))).containsExactly(80, 50);
    assertThat(table.toMatrix()).isEqualTo(new double[][] {A.toArray(), B.toArray()});
    assertThat(table.toRowMajor()).hasSize(10).startsWith(A.toArray());
    assertThat(table.m12()[1]).isCloseTo(B.m12(), within(1e-12));
  }

  @Test
  void theBuilderGrowsPastItsFirstCapacity() {
    FeatureTable.Builder builder = FeatureTable.builder();
    for (int i = 0; i < 5000; i++) {
      builder.add(i, 1, 2, 3, 4);
    }

    FeatureTable table = builder.build();

    assertThat(table.rows()).isEqualTo(5000);
    assertThat(table.get(4999, 0)).isEqualTo(4999);
  }

  @Test
  void theTableIsImmutable() {
    double[] values = A.toArray();
    FeatureTable table = FeatureTable.ofRowMajor(values);

    values[0] = -1;
    table.toRowMajor()[0] = -1;
    table.toMatrix()[0][0] = -1;

    assertThat(table.get(0, 0)).isEqualTo(120);
  }

  @Test
  void rowMajorValuesMustFillWholeRows() {
    assertThatThrownBy(() -> FeatureTable.ofRowMajor(new double[7]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiple of 5");
  }
}
