package org.luodi.system.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules every answer obeys, whatever was sent (issue "Nothing lost, nobody let in", item 4): never a server
 * error, never a stack trace or an exception's class name, every error an {@code application/problem+json} whose
 * {@code status} is the HTTP status. Violations are collected by class (what went wrong, where), each with its
 * first example, so that one run shows every distinct defect instead of stopping at the first.
 */
final class Verdicts {
    /** Traces of Java internals: stack frames, exception classes, framework and driver packages. */
    static final Pattern INTERNALS = Pattern.compile(
            "\\tat [\\w$.]+\\(|\\bat [\\w$]+(\\.[\\w$]+)+\\([\\w$]+\\.java:\\d+\\)|Caused by:|[A-Za-z]+Exception\\b"
                    + "|[A-Za-z]+Error\\b(?!\")|\\bjava\\.(lang|util|io|sql|time|net)\\.|\\bjakarta\\.|org\\.springframework"
                    + "|org\\.axonframework|org\\.postgresql|org\\.apache\\.|com\\.fasterxml|org\\.hibernate"
                    + "|\\bPSQLException|\\bSQLState|\\borg\\.luodi\\.|Apache Tomcat");
    /** A problem's stable code (docs/contract.md §8), e.g. {@code request.invalid}. */
    private static final Pattern CODE = Pattern.compile("[a-z-]+(\\.[a-z-]+)+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<String>> violations = new LinkedHashMap<>();
    private int checked;

    /** Records a violation of {@code kind} (its class) with an example, the first few of each class kept. */
    void violation(String kind, String example) {
        List<String> examples = violations.computeIfAbsent(kind, k -> new ArrayList<>());
        if (examples.size() < 3) {
            examples.add(example);
        } else if (examples.size() == 3) {
            examples.add("…");
        }
    }

    /** The rules for every answer; {@code where} names the endpoint (method and pattern) for the class. */
    void answer(String where, String request, Http.Answer answer, int... protocolAnswers) {
        checked++;
        boolean protocol = java.util.Arrays.stream(protocolAnswers).anyMatch(s -> s == answer.status());
        if (answer.status() >= 500 && !protocol) {
            violation(answer.status() + " on " + where, request + " -> " + answer);
        }
        String text = answer.isStream() ? "" : answer.text();
        if (INTERNALS.matcher(text).find()) {
            var m = INTERNALS.matcher(text);
            m.find();
            violation("internals (" + m.group() + ") in the answer of " + where, request + " -> " + answer);
        }
        if (answer.status() >= 400) {
            if (!answer.isProblem()) {
                violation("error not problem+json (" + answer.status() + " " + answer.contentType() + ") on " + where,
                        request + " -> " + answer);
            } else {
                try {
                    JsonNode problem = JSON.readTree(answer.body());
                    if (problem == null || problem.path("status").asInt() != answer.status()
                            || !problem.path("title").isTextual()) {
                        violation("problem without its status or title on " + where, request + " -> " + answer);
                    }
                    if (problem != null && !CODE.matcher(problem.path("code").asText()).matches()) {
                        violation("problem without a code on " + where, request + " -> " + answer);
                    }
                } catch (java.io.IOException e) {
                    violation("problem+json that is not JSON on " + where, request + " -> " + answer);
                }
            }
        }
    }

    /** Adds another collection's violations (its examples, in its order) to this one's. */
    void addAll(Verdicts other) {
        checked += other.checked;
        other.violations.forEach((kind, examples) -> examples.forEach(e -> violation(kind, e)));
    }

    boolean isEmpty() {
        return violations.isEmpty();
    }

    int checked() {
        return checked;
    }

    Map<String, List<String>> all() {
        return violations;
    }

    String report() {
        StringBuilder text = new StringBuilder(violations.size() + " distinct failure classes in " + checked
                + " answers:\n");
        violations.forEach((kind, examples) -> {
            text.append("* ").append(kind).append('\n');
            examples.forEach(e -> text.append("    ").append(e.length() > 900 ? e.substring(0, 900) + "…" : e)
                    .append('\n'));
        });
        return text.toString();
    }
}
