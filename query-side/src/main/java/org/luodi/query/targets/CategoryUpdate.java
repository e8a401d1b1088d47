package org.luodi.query.targets;

import java.util.Map;

/**
 * PUT /api/targets/{year}/categories: the category to set per township code ({@code first}, {@code second},
 * {@code third}, {@code apart}, or null for none); townships left out keep theirs. {@code reason} is required.
 */
public record CategoryUpdate(Map<String, String> categories, String reason) {
}
