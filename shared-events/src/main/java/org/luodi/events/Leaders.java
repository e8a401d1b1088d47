package org.luodi.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The city leaders who 包保 projects (reference/leaders-daye.csv, from seed 001's 大冶市领导联系重点企业安排表, lines
 * 5064-5420): each a stable code, a name and a title. Here in shared-events because the aggregate checks the code and
 * the query side names the leader.
 */
public final class Leaders {
    public record Leader(String code, String name, String title) {
        /** "王细军（市委常委、常务副市长）", as a page or a sheet names the leader. */
        public String label() {
            return name + "（" + title + "）";
        }
    }

    private static final Map<String, Leader> BY_CODE = read();

    private Leaders() {
    }

    /** In file order, which is the order of the seed's table. */
    public static List<Leader> all() {
        return List.copyOf(BY_CODE.values());
    }

    public static boolean isLeader(String code) {
        return code != null && BY_CODE.containsKey(code);
    }

    /** The leader, or null for a code that names none. */
    public static Leader of(String code) {
        return code == null ? null : BY_CODE.get(code);
    }

    private static Map<String, Leader> read() {
        Map<String, Leader> leaders = new LinkedHashMap<>();
        ReferenceCsv.read("reference/leaders-daye.csv").rows()
                .forEach(row -> leaders.put(row[0], new Leader(row[0], row[1], row[2])));
        return Collections.unmodifiableMap(leaders);
    }
}
