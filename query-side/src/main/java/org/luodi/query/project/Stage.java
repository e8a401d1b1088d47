package org.luodi.query.project;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * Where a project stands in a list, in lifecycle order: the latest milestone reached, terminated over any milestone,
 * voided over all. {@link #of} decides it in Java and {@link #SQL_AS_OF} in SQL, both from the same table below.
 */
public enum Stage {
    SIGNED("已签约", null, null),
    REGISTERED("已注册", "registered_on", ProjectState::registeredOn),
    STARTED("已开工", "started_on", ProjectState::startedOn),
    STORED("已入库", "stored_on", ProjectState::storedOn),
    IN_PRODUCTION("已投产", "production_on", ProjectState::productionOn),
    TERMINATED("已解约", "terminated_on", ProjectState::terminatedOn),
    VOIDED("已作废", null, null);

    private final String label;
    private final String column;
    private final Function<ProjectState, LocalDate> reachedOn;

    Stage(String label, String column, Function<ProjectState, LocalDate> reachedOn) {
        this.label = label;
        this.column = column;
        this.reachedOn = reachedOn;
    }

    public String label() {
        return label;
    }

    /** The stages a milestone's date decides, latest first. */
    private static final List<Stage> DATED = List.of(TERMINATED, IN_PRODUCTION, STORED, STARTED, REGISTERED);

    public static Stage of(ProjectState project) {
        if (project.voided()) {
            return VOIDED;
        }
        return DATED.stream().filter(s -> s.reachedOn.apply(project) != null).findFirst().orElse(SIGNED);
    }

    /** The stage of a project_version row {@code p} as of :asOf, for filtering in SQL. */
    static final String SQL_AS_OF = "(CASE WHEN p.voided THEN '" + VOIDED + "' "
            + String.join(" ", DATED.stream().map(s -> "WHEN p." + s.column + " <= :asOf THEN '" + s + "'").toList())
            + " ELSE '" + SIGNED + "' END)";

    /** The stage named by {@code code}, null when there is none. */
    public static Stage byCode(String code) {
        for (Stage s : values()) {
            if (s.name().equals(code)) {
                return s;
            }
        }
        return null;
    }
}
