package org.luodi.query.warning;

import java.time.LocalDate;

/**
 * A change of a project's warning as the sweep announces it on the alert stream (event name {@code warning}):
 * {@code colour} and {@code escalation} from now on (null once cleared), the previous ones, and a Chinese message.
 */
public record WarningChange(Kind kind, String projectId, String name, String township, String townshipName,
                            WarningRule rule, String ruleLabel, Colour colour, Colour previousColour,
                            Escalation escalation, Escalation previousEscalation, LocalDate since, LocalDate announcedOn,
                            String message) {

    public enum Kind {
        /** yellow or red for the first time, or red after yellow */
        RAISED,
        /** red for long enough to go up to the next office */
        ESCALATED,
        /** back to yellow */
        LOWERED,
        /** green or nothing any more */
        CLEARED
    }
}
