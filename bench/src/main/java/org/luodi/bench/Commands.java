package org.luodi.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.luodi.events.AttributesCorrected;
import org.luodi.events.CompanyRegistered;
import org.luodi.events.ConstructionStarted;
import org.luodi.events.EventJson;
import org.luodi.events.FundsArrived;
import org.luodi.events.MilestoneCorrected;
import org.luodi.events.MilestoneRetracted;
import org.luodi.events.ProductionStarted;
import org.luodi.events.ProjectAttributes;
import org.luodi.events.ProjectEvent;
import org.luodi.events.ProjectSigned;
import org.luodi.events.ProjectStored;
import org.luodi.events.ProjectTerminated;
import org.luodi.events.ProjectVoided;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The HTTP commands (SPEC §7) that make the command side record a planned event. */
final class Commands {
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = EventJson.mapper();

    private Commands() {
    }

    /** One POST; {@code sequence} is the sequence number its event gets, to see it arrive in the project's history. */
    record Command(String projectId, String user, String path, String json, String idempotencyKey, long sequence) {
    }

    static Command of(Plans.Planned p, long sequence, String keyPrefix) {
        ProjectEvent e = p.event();
        String id = e.projectId();
        Map<String, Object> body = new LinkedHashMap<>();
        String path;
        if (e instanceof ProjectSigned s) {
            path = "/api/projects";
            body.put("projectId", id);
            body.put("name", s.name());
            body.put("investor", s.investor());
            body.put("township", s.township());
            body.put("industryChain", s.industryChain());
            body.put("industrial", s.industrial());
            body.put("contractAmountWan", s.contractAmountWan());
            body.put("sourceRegion", s.sourceRegion());
            body.put("signedOn", s.signedOn().toString());
            if (s.introducedBy() != null) {
                body.put("introducedBy", s.introducedBy());
            }
            if (s.plannedInvestmentWan() != null) {
                body.put("plannedInvestmentWan", s.plannedInvestmentWan());
            }
            if (!s.types().isEmpty()) {
                body.put("types", s.types());
            }
            if (!s.investorCategories().isEmpty()) {
                body.put("investorCategories", s.investorCategories());
            }
        } else if (e instanceof CompanyRegistered c) {
            path = "/registration";
            body.put("registeredOn", c.registeredOn().toString());
            body.put("companyName", c.companyName());
            body.put("creditCode", c.creditCode());
            body.put("foreignInvested", c.foreignInvested());
        } else if (e instanceof ConstructionStarted c) {
            path = "/start";
            body.put("startedOn", c.startedOn().toString());
            body.put("kind", c.kind());
        } else if (e instanceof ProjectStored c) {
            path = "/storage";
            body.put("storedOn", c.storedOn().toString());
            body.put("plannedInvestmentWan", c.plannedInvestmentWan());
        } else if (e instanceof ProductionStarted c) {
            path = "/production";
            body.put("productionOn", c.productionOn().toString());
        } else if (e instanceof FundsArrived c) {
            path = "/funds";
            body.put("arrivedOn", c.arrivedOn().toString());
            body.put("source", c.source());
            if (c.amountWan() != null) {
                body.put("amountWan", c.amountWan());
            } else {
                body.put("amountUsdWan", c.amountUsdWan());
            }
            // the national load adds arrivals to random projects for years, past 3× some contracts: confirmed, as a
            // clerk would after the form's 确认无误 step, so that the load measures writes, not the plausibility check
            body.put("confirmImplausible", true);
        } else if (e instanceof ProjectTerminated c) {
            path = "/termination";
            body.put("terminatedOn", c.terminatedOn().toString());
            body.put("reason", c.reason());
        } else if (e instanceof MilestoneCorrected c) {
            path = "/corrections";
            body.put("milestone", c.milestone());
            body.put("arrivalNo", c.arrivalNo());
            body.put("date", c.date() == null ? null : c.date().toString());
            body.put("amountWan", c.amountWan());
            body.put("amountUsdWan", c.amountUsdWan());
            body.put("reason", c.reason());
        } else if (e instanceof MilestoneRetracted c) {
            path = "/retractions";
            body.put("milestone", c.milestone());
            body.put("arrivalNo", c.arrivalNo());
            body.put("reason", c.reason());
        } else if (e instanceof ProjectVoided c) {
            path = "/void";
            body.put("reason", c.reason());
        } else if (e instanceof org.luodi.events.CreditCorrected c) {
            path = "/credit";
            body.put("department", c.department());
            body.put("reason", c.reason());
        } else if (e instanceof org.luodi.events.PatronageAssigned c) {
            path = "/patronage";
            body.put("leader", c.leader());
            body.put("serviceTeam", c.serviceTeam());
            body.put("reason", c.reason());
        } else if (e instanceof AttributesCorrected c) {
            path = "/attributes";
            body.putAll(changedAttributes(c.before(), c.after()));
            body.put("reason", c.reason());
            body.put("confirmImplausible", true);
        } else {
            throw new IllegalArgumentException(e.toString());
        }
        if (!(e instanceof ProjectSigned)) {
            path = "/api/projects/" + id + path;
        }
        return new Command(id, p.actor(), path, json(body), keyPrefix + id + "-" + sequence, sequence);
    }

    /** The attributes a correction changes, as the body of POST …/attributes names them (the others left out). */
    private static Map<String, Object> changedAttributes(ProjectAttributes before, ProjectAttributes after) {
        Map<String, Object> changed = new LinkedHashMap<>();
        putIfChanged(changed, "name", before.name(), after.name());
        putIfChanged(changed, "investor", before.investor(), after.investor());
        putIfChanged(changed, "township", before.township(), after.township());
        putIfChanged(changed, "industryChain", before.industryChain(), after.industryChain());
        putIfChanged(changed, "industrial", before.industrial(), after.industrial());
        putIfChanged(changed, "sourceRegion", before.sourceRegion(), after.sourceRegion());
        if (!ProjectAttributes.sameAmount(before.contractAmountWan(), after.contractAmountWan())) {
            changed.put("contractAmountWan", after.contractAmountWan());
        }
        if (!ProjectAttributes.sameAmount(before.plannedInvestmentWan(), after.plannedInvestmentWan())) {
            changed.put("plannedInvestmentWan", after.plannedInvestmentWan());
        }
        putIfChanged(changed, "types", before.types(), after.types());
        putIfChanged(changed, "investorCategories", before.investorCategories(), after.investorCategories());
        return changed;
    }

    private static void putIfChanged(Map<String, Object> body, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            body.put(field, after);
        }
    }

    static List<Command> lifecycle(List<Plans.Planned> plan, String keyPrefix) {
        return java.util.stream.IntStream.range(0, plan.size())
                .mapToObj(i -> of(plan.get(i), i, keyPrefix))
                .toList();
    }

    private static String json(Map<String, Object> body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
