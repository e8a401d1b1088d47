package org.luodi.events.upcasting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.luodi.events.EventJson;
import org.luodi.events.ProjectSigned;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A project signed before revision 4 is read as signed without a lead. */
class ProjectSignedRevision4UpcasterTest {
    private static final ObjectMapper JSON = EventJson.mapper();
    private static final String REVISION_3 = "{\"projectId\":\"p\",\"name\":\"铜箔\",\"investor\":\"某集团\","
            + "\"township\":\"gaoxin\",\"industryChain\":\"new-materials\",\"industrial\":true,"
            + "\"contractAmountWan\":12000.5,\"sourceRegion\":\"IN_PROVINCE\",\"signedOn\":\"2024-05-20\","
            + "\"introducedBy\":\"dept38\",\"introducedByText\":null,\"plannedInvestmentWan\":null,\"types\":[],"
            + "\"investorCategories\":[\"LISTED\"]}";

    @Test
    void revisionThreeGainsNoLeadAndKeepsEverythingElse() throws Exception {
        ObjectNode revision3 = (ObjectNode) JSON.readTree(REVISION_3);
        ObjectNode revision4 = ProjectSignedRevision4Upcaster.toRevision4(revision3);
        assertThat(revision4.toString()).isEqualTo(REVISION_3.substring(0, REVISION_3.length() - 1)
                + ",\"leadId\":null,\"creditedLeadUnits\":[]}");
        assertThat(revision3.has("leadId")).as("the input is not changed").isFalse();
        ProjectSigned read = JSON.treeToValue(revision4, ProjectSigned.class);
        assertThat(read.leadId()).isNull();
        assertThat(read.creditedLeadUnits()).isEmpty();
        assertThat(read.introducedBy()).isEqualTo("dept38");
        assertThat(read.investorCategories()).hasSize(1);
    }

    @Test
    void theChainReadsARevisionOneSigningAsRevisionFour() {
        String revision1 = "{\"projectId\":\"p\",\"introducedBy\":\"市商务局\"}";
        IntermediateEventRepresentation read = new EventUpcasterChain(new ProjectSignedUpcaster(),
                new ProjectSignedRevision3Upcaster(), new ProjectSignedRevision4Upcaster())
                .upcast(Stream.of(stored("1", revision1))).findFirst().orElseThrow();
        assertThat(read.getType().getRevision()).isEqualTo("4");
        assertThat(new String(read.getData(byte[].class).getData(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"projectId\":\"p\",\"introducedBy\":\"dept38\",\"introducedByText\":null,"
                        + "\"plannedInvestmentWan\":null,\"types\":[],\"investorCategories\":[],\"leadId\":null,"
                        + "\"creditedLeadUnits\":[]}");
        String revision4 = REVISION_3.replace("}", ",\"leadId\":\"l\",\"creditedLeadUnits\":[\"gaoxin\"]}");
        IntermediateEventRepresentation current = new EventUpcasterChain(new ProjectSignedRevision4Upcaster())
                .upcast(Stream.of(stored("4", revision4))).findFirst().orElseThrow();
        assertThat(new String(current.getData(byte[].class).getData(), StandardCharsets.UTF_8))
                .as("revision 4 is left alone").isEqualTo(revision4);
    }

    @Test
    void storedBytesThatAreNoObjectPassUnchanged() {
        byte[] damaged = "[1,2".getBytes(StandardCharsets.UTF_8);
        assertThat(StoredJson.rewrite(damaged, ProjectSignedRevision4Upcaster::toRevision4)).isSameAs(damaged);
    }

    private static InitialEventRepresentation stored(String revision, String payload) {
        return new InitialEventRepresentation(new GenericDomainEventEntry<>("InvestmentProject", "p", 0, "e1",
                Instant.EPOCH, ProjectSigned.class.getName(), revision, payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8)), JacksonSerializer.defaultSerializer());
    }
}
