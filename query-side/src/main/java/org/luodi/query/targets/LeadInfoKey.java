package org.luodi.query.targets;

import org.luodi.events.LeadSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a 项目信息 target (#20) counts: the leads recorded in a period of the year (the year, or a quarter), of one
 * source or of every source (null). Stored as the target's indicator key, e.g. "leadInfo.year" or
 * "leadInfo.Q1.BUSINESS_REFERRAL", so that these targets share the target table, its change log and its rules.
 */
public record LeadInfoKey(Period period, LeadSource source) {
    static final String PREFIX = "leadInfo.";

    /** The year, or one of its quarters. */
    public enum Period {
        YEAR("year", "全年"), Q1("Q1", "一季度"), Q2("Q2", "二季度"), Q3("Q3", "三季度"), Q4("Q4", "四季度");

        private final String code;
        private final String label;

        Period(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        /** The period's first day in {@code year}. */
        public LocalDate start(int year) {
            return this == YEAR ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 3 * (ordinal() - 1) + 1, 1);
        }

        /** The period's last day in {@code year}. */
        public LocalDate end(int year) {
            return this == YEAR ? LocalDate.of(year, 12, 31) : start(year).plusMonths(3).minusDays(1);
        }
    }

    public String key() {
        return PREFIX + period.code + (source == null ? "" : "." + source.name());
    }

    /** In Chinese, e.g. "一季度以商招商项目信息". */
    public String label() {
        return (period == Period.YEAR ? "" : period.label) + (source == null ? "" : source.label()) + "项目信息";
    }

    public static Optional<LeadInfoKey> parse(String key) {
        if (key == null || !key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = key.substring(PREFIX.length()).split("\\.", -1);
        if (parts.length > 2) {
            return Optional.empty();
        }
        Period period = null;
        for (Period p : Period.values()) {
            if (p.code.equals(parts[0])) {
                period = p;
            }
        }
        LeadSource source = null;
        if (parts.length == 2) {
            for (LeadSource s : LeadSource.values()) {
                if (s.name().equals(parts[1])) {
                    source = s;
                }
            }
            if (source == null) {
                return Optional.empty();
            }
        }
        return period == null ? Optional.empty() : Optional.of(new LeadInfoKey(period, source));
    }

    /** Every key, the year's first, every source before each one. */
    public static List<LeadInfoKey> all() {
        List<LeadInfoKey> all = new ArrayList<>();
        for (Period period : Period.values()) {
            all.add(new LeadInfoKey(period, null));
            for (LeadSource source : LeadSource.values()) {
                all.add(new LeadInfoKey(period, source));
            }
        }
        return all;
    }
}
