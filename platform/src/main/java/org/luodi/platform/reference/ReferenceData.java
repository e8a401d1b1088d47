package org.luodi.platform.reference;

import org.luodi.events.Departments;
import org.luodi.events.ReferenceCsv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Townships, industry chains and departments ({@link Departments}, 附件2) of 大冶, read from the CSV files shipped in {@code reference/} (copied from the
 * source documents). Both sides use it: the command side to refuse unknown codes, the query side to name rows.
 */
public final class ReferenceData {

    public record Township(String code, String name, String kind) {
    }

    public record IndustryChain(String code, String name, Integer signingTarget2024) {
    }

    private final Map<String, Township> townships;
    private final Map<String, IndustryChain> chains;

    public ReferenceData(List<Township> townships, List<IndustryChain> chains) {
        this.townships = Collections.unmodifiableMap(index(townships, Township::code));
        this.chains = Collections.unmodifiableMap(index(chains, IndustryChain::code));
    }

    public static ReferenceData daye() {
        List<Township> townships = ReferenceCsv.read("reference/townships-daye.csv").rows().stream()
                .map(row -> new Township(row[0], row[1], row[2]))
                .toList();
        List<IndustryChain> chains = ReferenceCsv.read("reference/industry-chains-daye.csv").rows().stream()
                .map(row -> new IndustryChain(row[0], row[1], row[2].isBlank() ? null : Integer.valueOf(row[2])))
                .toList();
        return new ReferenceData(townships, chains);
    }

    public boolean isTownship(String code) {
        return code != null && townships.containsKey(code);
    }

    public boolean isIndustryChain(String code) {
        return code != null && chains.containsKey(code);
    }

    /** In file order, which is the order of the seed's 附件1 table. */
    public List<Township> townships() {
        return List.copyOf(townships.values());
    }

    public List<IndustryChain> chains() {
        return List.copyOf(chains.values());
    }

    public Township township(String code) {
        return townships.get(code);
    }

    public IndustryChain chain(String code) {
        return chains.get(code);
    }

    public boolean isDepartment(String code) {
        return Departments.isDepartment(code);
    }

    /** In file order, which is the order of the seed's 附件2 table. */
    public List<Departments.Department> departments() {
        return Departments.all();
    }

    private static <T> Map<String, T> index(List<T> values, java.util.function.Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        values.forEach(v -> map.put(key.apply(v), v));
        return map;
    }
}
