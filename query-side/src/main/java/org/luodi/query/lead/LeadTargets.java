package org.luodi.query.lead;

import org.luodi.events.LeadSource;
import org.luodi.events.ReferenceCsv;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The county's targets for 项目信息 (reference/lead-targets-daye-2024.csv): all units together ≥ 600 条 in the year
 * (seed 000 line 58), of which 以商招商 ≥ 200 条 (line 50). Counted against the leads recorded in the year.
 */
@Component
public class LeadTargets {
    /** One target: the year, the source it counts (null: every source), how many 条, and the seed's words. */
    public record Target(int year, LeadSource source, long count, String basis) {
    }

    /** A target with what the year has reached by the period's end. */
    public record Completion(int year, LeadSource source, String label, long target, long actual,
                             BigDecimal completion, String basis) {
    }

    private final List<Target> targets = read();

    public List<Target> of(int year) {
        return targets.stream().filter(t -> t.year() == year).toList();
    }

    private static List<Target> read() {
        List<Target> targets = new ArrayList<>();
        for (String[] row : ReferenceCsv.read("reference/lead-targets-daye-2024.csv").rows()) {
            targets.add(new Target(Integer.parseInt(row[0]), row[1].isBlank() ? null : LeadSource.valueOf(row[1]),
                    Long.parseLong(row[2]), row.length > 3 ? row[3] : null));
        }
        return List.copyOf(targets);
    }
}
