package org.luodi.events.upcasting;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Revision 1's free-text 引荐单位, read as revision 2: a department's code where the text names one. */
class ProjectSignedUpcasterTest {

    @Test
    void aNameAsTheSeedWritesItBecomesTheDepartmentsCode() {
        assertThat(credit("市商务局")).isEqualTo("dept38|null");
        assertThat(credit(" 市 商务局 ")).as("spaces people type").isEqualTo("dept38|null");
        assertThat(credit("市委党校（市行政学校、市社会主义学校）")).as("full-width parentheses").isEqualTo("dept11|null");
        assertThat(credit("dept05")).as("a code").isEqualTo("dept05|null");
    }

    @Test
    void textThatNamesNoDepartmentIsKeptUncredited() {
        assertThat(credit("市招商服务中心")).isEqualTo("null|市招商服务中心");
        assertThat(credit(" 张总的朋友 ")).isEqualTo("null|张总的朋友");
        assertThat(credit(null)).isEqualTo("null|null");
        assertThat(credit("  ")).isEqualTo("null|null");
    }

    @Test
    void everyOtherFieldStaysAsItWas() {
        ObjectNode revision1 = JsonNodeFactory.instance.objectNode().put("projectId", "p").put("signedOn", "2024-05-20")
                .put("contractAmountWan", new java.math.BigDecimal("12000.50")).put("introducedBy", "市商务局");
        ObjectNode revision2 = ProjectSignedUpcaster.toRevision2(revision1);
        assertThat(revision2.toString()).isEqualTo("{\"projectId\":\"p\",\"signedOn\":\"2024-05-20\","
                + "\"contractAmountWan\":12000.50,\"introducedBy\":\"dept38\",\"introducedByText\":null}");
        assertThat(revision1.get("introducedBy").asText()).as("the input is not changed").isEqualTo("市商务局");
    }

    private static String credit(String text) {
        ObjectNode revision1 = JsonNodeFactory.instance.objectNode().put("projectId", "p");
        if (text == null) {
            revision1.putNull("introducedBy");
        } else {
            revision1.put("introducedBy", text);
        }
        ObjectNode revision2 = ProjectSignedUpcaster.toRevision2(revision1);
        return revision2.get("introducedBy").asText(null) + "|" + revision2.get("introducedByText").asText(null);
    }
}
