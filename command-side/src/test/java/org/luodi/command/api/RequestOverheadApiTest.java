package org.luodi.command.api;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** What each request no longer pays for: observations nobody reads, and a session a stateless API never uses. */
class RequestOverheadApiTest extends CommandSideApiTest {
    @Autowired
    FilterChainProxy securityFilterChain;
    @Autowired
    ObservationRegistry observations;

    @Test
    void springSecurityDoesNotWrapItsFiltersInObservations() {
        Object decorator = ReflectionTestUtils.getField(securityFilterChain, "filterChainDecorator");
        assertThat(decorator).isNotInstanceOf(ObservationFilterChainDecorator.class);
    }

    @Test
    void requestsAreNotObserved() {
        assertThat(Observation.start("http.server.requests", observations).isNoop()).isTrue();
        assertThat(Observation.start("spring.security.filterchains", observations).isNoop()).isTrue();
    }

    @Test
    void noSessionIsCreated() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://localhost:" + port + "/api/projects"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("gaoxin:gaoxin".getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString(signing(null)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }
}
