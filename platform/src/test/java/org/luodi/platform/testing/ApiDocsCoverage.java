package org.luodi.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares what a side answers with what its OpenAPI document says it answers: every path and method that Spring MVC
 * maps to a controller, as "METHOD /path" with path variables written {@code {}} (the names may differ, and a mapping
 * may carry a pattern such as {@code {id:.+}}). Springdoc's own endpoints and the container's {@code /error} are left
 * out: they are no part of the API.
 */
public final class ApiDocsCoverage {
    private ApiDocsCoverage() {
    }

    /** Every mapped "METHOD /path"; a mapping for any method counts as GET. */
    public static Set<String> mapped(RequestMappingHandlerMapping mapping) {
        Set<String> endpoints = new TreeSet<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("org.springdoc")) {
                return;
            }
            for (String path : patterns(info)) {
                if (path.equals("/error")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    endpoints.add("GET " + normalised(path));
                }
                methods.forEach(method -> endpoints.add(method.name() + " " + normalised(path)));
            }
        });
        return endpoints;
    }

    /** Every "METHOD /path" of an OpenAPI document ({@code paths.<path>.<method>}). */
    public static Set<String> documented(JsonNode openApi) {
        Set<String> endpoints = new TreeSet<>();
        openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(key -> {
            if (OPERATIONS.contains(key)) {
                endpoints.add(key.toUpperCase(Locale.ROOT) + " " + normalised(path.getKey()));
            }
        }));
        return endpoints;
    }

    /**
     * What the document leaves undescribed, one line each: an operation without a summary, without problem+json for
     * 4xx and 5xx, without a tag, or under {@code /api} without a sign-in; a tag without a description.
     */
    public static List<String> undescribed(JsonNode openApi) {
        List<String> gaps = new ArrayList<>();
        Set<String> describedTags = new TreeSet<>();
        openApi.path("tags").forEach(tag -> {
            if (!tag.path("description").asText().isBlank()) {
                describedTags.add(tag.path("name").asText());
            }
        });
        openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!OPERATIONS.contains(op.getKey())) {
                return;
            }
            String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            JsonNode operation = op.getValue();
            if (operation.path("summary").asText().isBlank()) {
                gaps.add(name + ": no summary");
            }
            for (String range : List.of("4XX", "5XX")) {
                if (!operation.path("responses").path(range).path("content").path("application/problem+json")
                        .path("schema").path("$ref").asText().endsWith("/Problem")) {
                    gaps.add(name + ": no problem+json for " + range);
                }
            }
            if (operation.path("tags").isEmpty()) {
                gaps.add(name + ": no tag");
            }
            operation.path("tags").forEach(tag -> {
                if (!describedTags.contains(tag.asText())) {
                    gaps.add(name + ": tag " + tag.asText() + " has no description");
                }
            });
            if (path.getKey().startsWith("/api/") && operation.path("security").isEmpty()) {
                gaps.add(name + ": no sign-in required");
            }
        }));
        return gaps;
    }

    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private static Set<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition() != null ? info.getPathPatternsCondition().getPatternValues()
                : info.getPatternValues();
    }

    static String normalised(String path) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : path.toCharArray()) {
            if (c == '{' && depth++ == 0) {
                out.append("{}");
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
