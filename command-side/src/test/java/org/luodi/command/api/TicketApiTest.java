package org.luodi.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ticket's life over HTTP on the running command side: who may send each command, what it stores, how it is
 * refused. Today is Tuesday 2024-12-31: five working days skip 元旦 and the weekend and end on 2025-01-08.
 */
class TicketApiTest extends CommandSideApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private ApiClient land;
    private ApiClient housing;

    @BeforeEach
    void departments() {
        land = ApiClient.as(port, "dept32");
        housing = ApiClient.as(port, "dept33");
    }

    @Test
    void aTicketIsRaisedAssignedAnsweredAndClosed() throws Exception {
        String project = signGaoxinProject();
        ApiClient.Answer raised = gaoxin.post("/api/tickets", raise(project));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        String ticket = raised.json().path("ticketId").asText();
        assertThat(UUID.fromString(ticket).toString()).isEqualTo(ticket);

        ok(supervisor.post("/api/tickets/" + ticket + "/assignment", """
                {"department":"dept32"}"""));
        JsonNode assigned = payload(ticket, 1);
        assertThat(assigned.path("assignedOn").asText()).isEqualTo("2024-12-31");
        assertThat(assigned.path("dueOn").asText()).isEqualTo("2025-01-08");
        assertThat(assigned.path("workingDays").asInt()).isEqualTo(5);
        assertThat(assigned.path("calendarAssumed").asBoolean()).isFalse();

        ok(land.post("/api/tickets/" + ticket + "/answer", """
                {"answer":"已协调，1 月底前交付净地"}"""));
        assertThat(metaData(ticket, 2).path("department").asText()).isEqualTo("dept32");
        assertThat(metaData(ticket, 2).path("role").asText()).isEqualTo("DEPARTMENT");

        ok(supervisor.post("/api/tickets/" + ticket + "/closing", """
                {"reason":"企业确认已交付"}"""));
        assertThat(metaData(ticket, 3).path("reason").asText()).isEqualTo("企业确认已交付");
        assertThat(metaData(ticket, 3).path("hash").asText()).as("chained like a project's events").hasSize(64);

        JsonNode twice = refused(409, () -> supervisor.post("/api/tickets/" + ticket + "/closing", """
                {"reason":"再次销号"}"""));
        assertThat(twice.path("code").asText()).isEqualTo("ticket.closed");
        ok(gaoxin.post("/api/tickets/" + ticket + "/reopening", """
                {"reason":"企业反映仍未交付"}"""));
        assertThat(payload(ticket, 4).path("dueOn").asText()).isEqualTo("2025-01-08");
    }

    @Test
    void eachRefusalHasItsStatusAndCodeAndWritesNothing() {
        String project = signGaoxinProject();
        String ticket = gaoxin.post("/api/tickets", raise(project)).json().path("ticketId").asText();
        String unknown = UUID.randomUUID().toString();

        assertThat(refused(404, () -> supervisor.post("/api/tickets/" + unknown + "/closing", """
                {"reason":"x"}""")).path("code").asText()).isEqualTo("ticket.not-found");
        assertThat(refused(404, () -> supervisor.post("/api/tickets/not-a-uuid/closing", """
                {"reason":"x"}""")).path("code").asText()).isEqualTo("ticket.not-found");
        assertThat(refused(404, () -> gaoxin.post("/api/tickets", raise(unknown))).path("code").asText())
                .isEqualTo("project.not-found");
        assertThat(refused(403, () -> chengui.post("/api/tickets", raise(project))).path("code").asText())
                .isEqualTo("access.other-township");
        assertThat(refused(409, () -> land.post("/api/tickets/" + ticket + "/answer", """
                {"answer":"已办"}""")).path("code").asText()).as("not assigned yet").isEqualTo("ticket.out-of-order");
        ok(supervisor.post("/api/tickets/" + ticket + "/assignment", """
                {"department":"dept32","workingDays":3}"""));
        assertThat(refused(403, () -> housing.post("/api/tickets/" + ticket + "/answer", """
                {"answer":"已办"}""")).path("code").asText()).isEqualTo("access.denied");
        assertThat(refused(403, () -> gaoxin.post("/api/tickets/" + ticket + "/closing", """
                {"reason":"已解决"}""")).path("code").asText()).isEqualTo("access.denied");
        assertThat(fields(refused(400, () -> supervisor.post("/api/tickets/" + ticket + "/assignment", """
                {"department":"dept99","workingDays":0}""")))).as("handed on: a reason too").containsExactly("department", "workingDays", "reason");
        assertThat(fields(refused(400, () -> gaoxin.post("/api/tickets", """
                {"projectId":"%s","category":"LAND","description":"x","extra":1}""".formatted(project)))))
                .hasSize(1);
        assertThat(fields(refused(400, () -> gaoxin.post("/api/tickets", """
                {"projectId":"%s","category":"ROADS","description":"x"}""".formatted(project))))).hasSize(1);
        assertThat(refused(409, () -> gaoxin.post("/api/tickets", """
                {"ticketId":"%s","projectId":"%s","category":"LAND","description":"again"}"""
                .formatted(ticket, project))).path("code").asText()).isEqualTo("ticket.exists");
    }

    /** Projects and tickets share the store: an id of the one kind names nothing of the other. */
    @Test
    void aProjectsIdNamesNoTicketAndATicketsIdNoProject() {
        String project = signGaoxinProject();
        String ticket = gaoxin.post("/api/tickets", raise(project)).json().path("ticketId").asText();
        assertThat(refused(404, () -> supervisor.post("/api/tickets/" + project + "/closing", """
                {"reason":"x"}""")).path("code").asText()).isEqualTo("ticket.not-found");
        assertThat(refused(404, () -> gaoxin.post("/api/projects/" + ticket + "/start", """
                {"startedOn":"2024-06-01","kind":"NEW"}""")).path("code").asText()).isEqualTo("project.not-found");
        assertThat(refused(404, () -> gaoxin.post("/api/tickets", raise(ticket))).path("code").asText())
                .isEqualTo("project.not-found");
    }

    @Test
    void theSameKeyRaisesOneTicket() {
        String project = signGaoxinProject();
        String key = "ticket-" + UUID.randomUUID();
        long before = eventCount();
        ApiClient.Answer first = gaoxin.post("/api/tickets", raise(project), key);
        ApiClient.Answer again = gaoxin.post("/api/tickets", raise(project), key);
        assertThat(again.replayed()).isTrue();
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    /** A supervisor's change of the calendar counts from the next deadline on, on the command side too. */
    @Test
    void aChangedCalendarMovesTheNextDeadline() throws Exception {
        String project = signGaoxinProject();
        String ticket = gaoxin.post("/api/tickets", raise(project)).json().path("ticketId").asText();
        change("2025-01-06", "HOLIDAY", "测试放假");
        try {
            ok(supervisor.post("/api/tickets/" + ticket + "/assignment", """
                    {"department":"dept32"}"""));
            // 01-02 (1), 01-03 (2), 01-06 off, 01-07 (3), 01-08 (4), 01-09 (5)
            assertThat(payload(ticket, 1).path("dueOn").asText()).isEqualTo("2025-01-09");
        } finally {
            change("2025-01-06", "WEEKDAY_RULE", null);
        }
    }

    private void change(String day, String kind, String name) {
        jdbc.update("INSERT INTO working_day_change (day, kind, name, recorded_at, recorded_by, reason) "
                + "VALUES (?::date, ?, ?, ?, 'supervisor', '测试')", day, kind, name, Timestamp.from(Instant.now()));
    }

    private static String raise(String project) {
        return """
                {"projectId":"%s","category":"LAND","description":"净地未按期交付，影响开工"}""".formatted(project);
    }

    private static void ok(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private JsonNode payload(String ticket, int sequence) throws Exception {
        return JSON.readTree(jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", byte[].class, ticket, sequence));
    }

    private JsonNode metaData(String ticket, int sequence) throws Exception {
        return JSON.readTree(jdbc.queryForObject("SELECT meta_data FROM domain_event_entry WHERE "
                + "aggregate_identifier = ? AND sequence_number = ?", byte[].class, ticket, sequence));
    }
}
