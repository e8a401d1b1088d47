package org.luodi.platform.apidocs;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * What each side says about its own API in the OpenAPI document ({@code luodi.api-docs} in its application.yml):
 * a title, a description, and one line per feature package, which is the tag its operations carry.
 */
@ConfigurationProperties("luodi.api-docs")
public record ApiDocsProperties(String title, String description, String version, Map<String, String> features) {
    public ApiDocsProperties {
        features = features == null ? Map.of() : features;
    }
}
