package org.luodi.query.bulletin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the year-end assessment (package {@code assessment}) asks of the bulletin: every township and department as
 * the year's last bulletin scores them, before any manual adjustment and before a user's view is cut out (the
 * assessment ranks all units and then confines a clerk itself). {@code asOf} is 12-31, or the day the year is
 * counted to while it is not over ({@code yearEnded} false).
 */
public record YearEndScores(int year, LocalDate asOf, boolean yearEnded, List<Unit> townships,
                            List<Unit> departments) {

    /**
     * One unit: {@code category} the township's category key of the year (null: none; always null for a
     * department), {@code kind} the department's kind (null for a township), {@code score} the bulletin's score (null:
     * no measured target, so no score and no rank), {@code allTasksComplete} every measured target reached,
     * {@code targets} its targets by indicator key.
     */
    public record Unit(String code, String name, String category, String kind, BigDecimal score,
                       boolean allTasksComplete, Map<String, BigDecimal> targets) {
    }
}
