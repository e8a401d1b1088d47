package org.luodi.query.warning;

import org.luodi.platform.reference.ReferenceData;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The warning ladder on any date, as recorded up to knownAt: read from the kept ladder ({@link WarningLadder}) when
 * it is the ladder of that day and everything recorded is asked for, worked out from the record
 * ({@link WarningsWorkedOut}) otherwise. Both give the same answer; the kept one in one indexed read.
 */
@Service
@EnableConfigurationProperties(WarningProperties.class)
public class WarningQueries {
    private final WarningsWorkedOut workedOut;
    private final WarningLadder ladder;
    private final ReferenceData reference;

    public WarningQueries(WarningsWorkedOut workedOut, WarningLadder ladder, ReferenceData reference) {
        this.workedOut = workedOut;
        this.ladder = ladder;
        this.reference = reference;
    }

    /** The warnings of {@code townships} (null: all), of one rule and one colour when given, most urgent first. */
    public List<Warning> warnings(LocalDate asOf, Instant knownAt, Set<String> townships, WarningRule rule,
                                  Colour colour) {
        return warnings(asOf, knownAt, townships, null, rule, colour);
    }

    /** The same, of the projects that 包保 {@code leader} has on {@code asOf}'s record (null: every project). */
    public List<Warning> warnings(LocalDate asOf, Instant knownAt, Set<String> townships, String leader,
                                  WarningRule rule, Colour colour) {
        return page(asOf, knownAt, townships, leader, rule, colour, 0, null).warnings();
    }

    /** Warnings {@code offset} to {@code offset + limit} (limit null: all) of those that match, with their counts. */
    public WarningLadder.Page page(LocalDate asOf, Instant knownAt, Set<String> townships, String leader,
                                   WarningRule rule, Colour colour, long offset, Integer limit) {
        if (townships != null && townships.isEmpty()) {
            return page(List.of(), offset, limit);
        }
        if (knownAt == null) {
            var kept = ladder.page(asOf, townships, leader, rule, colour, offset, limit);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        return page(workedOut.warnings(asOf, knownAt, townships, leader, null).stream()
                .filter(w -> (rule == null || w.rule() == rule) && (colour == null || w.colour() == colour))
                .toList(), offset, limit);
    }

    private static WarningLadder.Page page(List<Warning> all, long offset, Integer limit) {
        Map<Colour, Long> colours = new EnumMap<>(Colour.class);
        for (Colour c : Colour.values()) {
            colours.put(c, all.stream().filter(w -> w.colour() == c).count());
        }
        int from = (int) Math.min(offset, all.size());
        int to = limit == null ? all.size() : (int) Math.min(offset + limit, all.size());
        return new WarningLadder.Page(all.size(), colours, all.subList(from, to));
    }

    /** One township's warnings on a day: how many of each colour, and how many red ones went up beyond it. */
    public record TownshipCount(String township, String name, long red, long yellow, long green, long escalated) {
    }

    /**
     * The warnings of each township of {@code townships} (null: all) that has any, in the reference data's order,
     * with a total line (township null, name "合计") when there are any: the bulletin's 预警分级 sheet.
     */
    public List<TownshipCount> countsByTownship(LocalDate asOf, Instant knownAt, Set<String> townships) {
        List<Warning> all = warnings(asOf, knownAt, townships, null, null);
        List<TownshipCount> counts = new ArrayList<>();
        for (var place : reference.townships()) {
            List<Warning> own = all.stream().filter(w -> w.township().equals(place.code())).toList();
            if (!own.isEmpty()) {
                counts.add(count(place.code(), place.name(), own));
            }
        }
        if (!counts.isEmpty()) {
            counts.add(count(null, "合计", all));
        }
        return counts;
    }

    private static TownshipCount count(String township, String name, List<Warning> warnings) {
        return new TownshipCount(township, name, colour(warnings, Colour.RED), colour(warnings, Colour.YELLOW),
                colour(warnings, Colour.GREEN), warnings.stream().filter(w -> w.escalation() != Escalation.TOWNSHIP).count());
    }

    private static long colour(List<Warning> warnings, Colour colour) {
        return warnings.stream().filter(w -> w.colour() == colour).count();
    }
}
