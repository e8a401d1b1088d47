package org.luodi.query.calendar;

import org.luodi.query.project.ProjectQueries;
import org.luodi.query.targets.Targets;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What {@link DefaultPeriod} decides from: the signings per year and the years that have targets. */
@Service
public class CalendarQueries {
    private final ProjectQueries projects;
    private final Targets targets;

    public CalendarQueries(ProjectQueries projects, Targets targets) {
        this.projects = projects;
        this.targets = targets;
    }

    public Calendar calendar(LocalDate today) {
        Map<Integer, Long> signings = projects.signingsPerYear();
        Set<Integer> targeted = targets.years();
        int year = DefaultPeriod.year(today, signings, targeted);
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        years.addAll(targeted);
        years.addAll(signings.keySet());
        years.add(today.getYear());
        return new Calendar(today, year, DefaultPeriod.asOf(year, today), List.copyOf(years),
                targeted.stream().filter(y -> y <= today.getYear()).max(Integer::compare).orElse(null));
    }
}
