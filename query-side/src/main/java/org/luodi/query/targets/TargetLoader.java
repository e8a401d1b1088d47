package org.luodi.query.targets;

import org.luodi.platform.reference.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * At every start, loads the shipped target files into {@code target}, inserting only what is absent: a target a
 * supervisor has changed (or removed) since stays as the supervisor left it. Safe with several query-side instances
 * starting at once (the insert ignores conflicts). The configured township categories are loaded the same way.
 */
@Component
@EnableConfigurationProperties(TargetProperties.class)
public class TargetLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(TargetLoader.class);

    /** The county's 项目信息 targets the seeds give (#20): year, indicator key, count, the seed line as basis. */
    private static final String LEAD_TARGETS = "reference/lead-info-targets-daye-2024.csv";

    private final Targets targets;
    private final Categories categories;
    private final TargetProperties files;
    private final ReferenceData reference;

    public TargetLoader(Targets targets, Categories categories, TargetProperties files, ReferenceData reference) {
        this.targets = targets;
        this.categories = categories;
        this.files = files;
        this.reference = reference;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<TargetFiles.FileTarget> all = new ArrayList<>();
        for (Map.Entry<Integer, String> file : files.townshipFiles().entrySet()) {
            all.addAll(TargetFiles.townshipTargets(file.getKey(), file.getValue(), reference));
        }
        for (Map.Entry<Integer, String> file : files.departmentFiles().entrySet()) {
            all.addAll(TargetFiles.departmentTargets(file.getKey(), file.getValue(), reference));
        }
        if (files.chainFile() != null && !files.chainFile().isBlank()) {
            all.addAll(TargetFiles.chainTargets(files.chainFile(), reference));
        }
        int inserted = targets.insertIfAbsent(all);
        log.info("targets: {} in the shipped files, {} new", all.size(), inserted);
        int seeded = 0;
        List<String[]> leadTargets = org.luodi.events.ReferenceCsv.read(LEAD_TARGETS).rows();
        for (String[] row : leadTargets) {
            if (LeadInfoKey.parse(row[1]).isEmpty()) { // a misspelt key stops the start, as a bad file does
                throw new IllegalStateException(LEAD_TARGETS + ": no such 项目信息 target " + row[1]);
            }
            seeded += targets.seedLeadTargetIfAbsent(Integer.parseInt(row[0]), row[1], new java.math.BigDecimal(row[2]),
                    row[3]) ? 1 : 0;
        }
        log.info("项目信息 targets: {} shipped, {} new", leadTargets.size(), seeded);
        files.categories().forEach((year, byTownship) -> {
            int added = categories.insertIfAbsent(year, defaults(year, byTownship));
            log.info("township categories of {}: {} configured, {} new", year, byTownship.size(), added);
        });
    }

    /** The configured categories of a year; an unknown township or category stops the start, as a bad file does. */
    private Map<String, Category> defaults(int year, Map<String, String> byTownship) {
        Map<String, Category> defaults = new java.util.LinkedHashMap<>();
        byTownship.forEach((township, key) -> {
            if (!reference.isTownship(township)) {
                throw new IllegalStateException("luodi.targets.categories." + year + ": unknown township " + township);
            }
            defaults.put(township, Category.byKey(key).orElseThrow(() -> new IllegalStateException(
                    "luodi.targets.categories." + year + "." + township + ": unknown category " + key)));
        });
        return defaults;
    }
}
