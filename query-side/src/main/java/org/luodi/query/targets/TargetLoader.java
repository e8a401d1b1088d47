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
 * starting at once (the insert ignores conflicts).
 */
@Component
@EnableConfigurationProperties(TargetProperties.class)
public class TargetLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(TargetLoader.class);

    private final Targets targets;
    private final TargetProperties files;
    private final ReferenceData reference;

    public TargetLoader(Targets targets, TargetProperties files, ReferenceData reference) {
        this.targets = targets;
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
    }
}
