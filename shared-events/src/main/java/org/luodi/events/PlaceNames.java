package org.luodi.events;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The names of 大冶's townships and industry chains (reference/townships-daye.csv, industry-chains-daye.csv), for the
 * descriptions of events that name them by code ({@link EventDescriptions}). A code that names none is shown as it is.
 */
final class PlaceNames {
    private static final Map<String, String> TOWNSHIPS = names("reference/townships-daye.csv");
    private static final Map<String, String> CHAINS = names("reference/industry-chains-daye.csv");

    private PlaceNames() {
    }

    static String township(String code) {
        return code == null ? "—" : TOWNSHIPS.getOrDefault(code, code);
    }

    static String chain(String code) {
        return code == null ? "—" : CHAINS.getOrDefault(code, code);
    }

    private static Map<String, String> names(String resource) {
        return ReferenceCsv.read(resource).rows().stream().collect(Collectors.toUnmodifiableMap(r -> r[0], r -> r[1]));
    }
}
