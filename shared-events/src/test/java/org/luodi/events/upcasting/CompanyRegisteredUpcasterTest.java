package org.luodi.events.upcasting;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A registration recorded before the 外向型 question reads as one that says nothing about it, not as a "no". */
class CompanyRegisteredUpcasterTest {

    @Test
    void revisionOneSaysNothingAboutExportOrientationAndKeepsEveryOtherField() {
        ObjectNode revision1 = JsonNodeFactory.instance.objectNode().put("projectId", "p")
                .put("registeredOn", "2024-06-01").put("companyName", "大冶外贸公司").put("foreignInvested", true);
        ObjectNode revision2 = CompanyRegisteredUpcaster.toRevision2(revision1);
        assertThat(revision2.toString()).isEqualTo("{\"projectId\":\"p\",\"registeredOn\":\"2024-06-01\","
                + "\"companyName\":\"大冶外贸公司\",\"foreignInvested\":true,\"exportOriented\":null}");
        assertThat(revision1.has("exportOriented")).as("the input is not changed").isFalse();
    }
}
