package org.luodi.query.targets;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * {@code luodi.targets}: the files the yearly targets are loaded from at start. {@code township-files} maps a year
 * to a CSV laid out like {@code reference/targets-daye-2024.csv} (amounts in 亿元); {@code chain-file} is the
 * industry-chain CSV, whose {@code signing_target_YYYY} and {@code amount_target_YYYY_yi} columns are chain targets;
 * {@code department-files} maps a year to a CSV laid out like {@code reference/department-targets-daye-2024.csv}.
 * {@code categories} maps a year to township code → category key ({@link Category}): the defaults loaded where a
 * township has no category row yet for that year.
 */
@ConfigurationProperties("luodi.targets")
public record TargetProperties(Map<Integer, String> townshipFiles, String chainFile,
                               Map<Integer, String> departmentFiles, Map<Integer, Map<String, String>> categories) {
    public TargetProperties {
        townshipFiles = townshipFiles == null ? Map.of() : Map.copyOf(townshipFiles);
        departmentFiles = departmentFiles == null ? Map.of() : Map.copyOf(departmentFiles);
        categories = categories == null ? Map.of() : Map.copyOf(categories);
    }
}
