package org.luodi.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reference files as the code reads them: header, rows as wide as the header, empty cells kept empty. */
class ReferenceCsvTest {

    @Test
    void townshipsAreCodeNameAndKind() {
        ReferenceCsv csv = ReferenceCsv.read("reference/townships-daye.csv");
        assertThat(csv.header()).containsExactly("code", "name", "kind");
        assertThat(csv.rows().get(0)).containsExactly("gaoxin", "高新区", "zone");
        assertThat(csv.rows().get(1)).containsExactly("linkong", "临空经济区·还地桥镇", "zone");
        assertThat(csv.rows()).allSatisfy(row -> assertThat(row).hasSize(3).doesNotContainNull());
    }

    @Test
    void anEmptyCellIsEmptyAndEveryRowIsAsWideAsTheHeader() {
        ReferenceCsv csv = ReferenceCsv.read("reference/targets-daye-2024.csv");
        assertThat(csv.header()).hasSize(22).startsWith("township", "signed_above_1yi_count");
        String[] linkong = csv.rows().stream().filter(r -> r[0].equals("linkong")).findFirst().orElseThrow();
        assertThat(linkong).containsExactly("linkong", "16", "165", "14", "10", "42", "65", "40", "5", "", "", "14", "", "1", "4", "",
                "", "29", "105", "20", "24", "70");
        assertThat(csv.rows()).allSatisfy(row -> assertThat(row).hasSize(22));
    }

    @Test
    void aMissingFileIsSaidSo() {
        assertThatThrownBy(() -> ReferenceCsv.read("reference/nothing.csv"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("reference/nothing.csv");
    }
}
