package org.luodi.command.lead;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;

/**
 * How 首报确认制 tells that two units report the same investor and project: the investor's name without spaces,
 * full-width characters as half-width (NFKC), and without the company-form suffixes people add or leave out
 * (有限责任公司, 股份有限公司, 有限公司, 集团, …); the project compared by its characters' pairs.
 */
final class InvestorNames {
    private static final String[] SUFFIXES = {"股份有限公司", "有限责任公司", "有限公司", "股份公司", "集团公司", "公司",
            "有限责任", "股份", "集团"};
    /**
     * Two projects are alike when their character pairs overlap by half or more (Dice: twice the shared pairs over
     * the pairs of both; "高纯铜箔项目" and "高纯铜箔生产线项目" share 4 of 5 and 8, 0.62), or one's text holds the other's.
     */
    private static final double SIMILAR = 0.5;

    private InvestorNames() {
    }

    static String key(String name) {
        if (name == null) {
            return null;
        }
        String text = Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("[\\s\\p{Z}]+", "")
                .replace("(", "").replace(")", "").toLowerCase();
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String suffix : SUFFIXES) {
                if (text.endsWith(suffix) && text.length() > suffix.length()) {
                    text = text.substring(0, text.length() - suffix.length());
                    stripped = true;
                }
            }
        }
        return text.isEmpty() ? null : text;
    }

    /** The project's text as compared: like a name, without spaces and in half-width. */
    static String projectKey(String project) {
        return project == null ? "" : Normalizer.normalize(project, Normalizer.Form.NFKC)
                .replaceAll("[\\s\\p{Z}]+", "").toLowerCase();
    }

    static boolean similarProjects(String a, String b) {
        String x = projectKey(a);
        String y = projectKey(b);
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        if (x.contains(y) || y.contains(x)) {
            return true;
        }
        Set<String> px = pairs(x);
        Set<String> py = pairs(y);
        Set<String> shared = new HashSet<>(px);
        shared.retainAll(py);
        return 2.0 * shared.size() / (px.size() + py.size()) >= SIMILAR;
    }

    private static Set<String> pairs(String text) {
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i + 2 <= text.length(); i++) {
            pairs.add(text.substring(i, i + 2));
        }
        if (pairs.isEmpty()) {
            pairs.add(text);
        }
        return pairs;
    }
}
