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

/** A project signed before revision 3 is read as having stated no plan, no types and no investor categories. */
class ProjectSignedRevision3UpcasterTest {
    private static final ObjectMapper JSON = EventJson.mapper();
    private static final String REVISION_2 = "{\"projectId\":\"p\",\"name\":\"铜箔\",\"investor\":\"某集团\","
            + "\"township\":\"gaoxin\",\"industryChain\":\"new-materials\",\"industrial\":true,"
            + "\"contractAmountWan\":12000.5,\"sourceRegion\":\"IN_PROVINCE\",\"signedOn\":\"2024-05-20\","
            + "\"introducedBy\":\"dept38\",\"introducedByText\":null}";

    @Test
    void revisionTwoGainsAnUnknownPlanAndEmptySetsAndKeepsEverythingElse() throws Exception {
        ObjectNode revision2 = (ObjectNode) JSON.readTree(REVISION_2);
        ObjectNode revision3 = ProjectSignedRevision3Upcaster.toRevision3(revision2);
        assertThat(revision3.toString()).isEqualTo(REVISION_2.substring(0, REVISION_2.length() - 1)
                + ",\"plannedInvestmentWan\":null,\"types\":[],\"investorCategories\":[]}");
        assertThat(revision2.has("types")).as("the input is not changed").isFalse();

        ProjectSigned read = JSON.treeToValue(revision3, ProjectSigned.class);
        assertThat(read.plannedInvestmentWan()).isNull();
        assertThat(read.types()).isEmpty();
        assertThat(read.investorCategories()).isEmpty();
        assertThat(read.introducedBy()).isEqualTo("dept38");
        assertThat(read.contractAmountWan()).isEqualByComparingTo("12000.5");
    }

    @Test
    void storedBytesThatAreNoObjectPassUnchanged() {
        byte[] damaged = "[1,2".getBytes(StandardCharsets.UTF_8);
        assertThat(StoredJson.rewrite(damaged, ProjectSignedRevision3Upcaster::toRevision3)).isSameAs(damaged);
    }

    @Test
    void theChainReadsARevisionOneSigningAsRevisionThree() {
        String revision1 = "{\"projectId\":\"p\",\"introducedBy\":\"市商务局\"}";
        IntermediateEventRepresentation read = new EventUpcasterChain(new ProjectSignedUpcaster(),
                new ProjectSignedRevision3Upcaster()).upcast(Stream.of(stored("1", revision1))).findFirst().orElseThrow();
        assertThat(read.getType().getRevision()).isEqualTo("3");
        assertThat(new String(read.getData(byte[].class).getData(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"projectId\":\"p\",\"introducedBy\":\"dept38\",\"introducedByText\":null,"
                        + "\"plannedInvestmentWan\":null,\"types\":[],\"investorCategories\":[]}");

        IntermediateEventRepresentation current = new EventUpcasterChain(new ProjectSignedRevision3Upcaster())
                .upcast(Stream.of(stored("3", REVISION_2))).findFirst().orElseThrow();
        assertThat(new String(current.getData(byte[].class).getData(), StandardCharsets.UTF_8))
                .as("revision 3 is left alone").isEqualTo(REVISION_2);
    }

    private static InitialEventRepresentation stored(String revision, String payload) {
        return new InitialEventRepresentation(new GenericDomainEventEntry<>("InvestmentProject", "p", 0, "e1",
                Instant.EPOCH, ProjectSigned.class.getName(), revision, payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8)), JacksonSerializer.defaultSerializer());
    }
}
