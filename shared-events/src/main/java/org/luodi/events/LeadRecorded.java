package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A lead is reported (项目信息): by {@code unit} ({@link LeadUnits}), with the investor (its name and, when known,
 * its 统一社会信用代码), what it would build, the expected amount in 万元, the companies approached ({@code
 * targetCompanies}), the source and, when known, the township it would settle in. {@code possibleDuplicates} names
 * the earlier leads of other units with the same investor (首报确认制): empty when none; a supervisor then confirms
 * who reported first ({@link LeadFirstReportConfirmed}).
 */
@Revision("1")
public record LeadRecorded(String leadId, String unit, String investor, String creditCode, String project,
                           BigDecimal expectedAmountWan, List<String> targetCompanies, LeadSource source,
                           String township, LocalDate recordedOn,
                           List<EarlierReport> possibleDuplicates) implements LeadEvent {

    /** An earlier lead of another unit that looks like the same investor and project, and why it matched. */
    public record EarlierReport(String leadId, String unit, LocalDate recordedOn, String matchedBy) {
    }

    public LeadRecorded {
        targetCompanies = targetCompanies == null ? List.of() : List.copyOf(targetCompanies);
        possibleDuplicates = possibleDuplicates == null ? List.of() : List.copyOf(possibleDuplicates);
    }

    @Override
    public LocalDate occurredOn() {
        return recordedOn;
    }
}
