package org.luodi.platform.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The OpenAPI document of either side ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): its title and
 * description from {@link ApiDocsProperties}, the two ways to sign in, every operation tagged with its feature
 * package and answering {@link ProblemSchema problem+json} for any 4xx and 5xx, and the parameters whose rule is the
 * same wherever they appear ({@link #COMMON_PARAMETERS}) described once. Each operation's own summary is an
 * {@code @Operation} on its controller method.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiDocsProperties.class)
public class ApiDocsConfig {
    static final String BASIC = "basic";
    static final String BEARER = "bearer";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** The two times of every read (docs/contract.md §7) and the commands' at-most-once key. */
    static final Map<String, String> COMMON_PARAMETERS = Map.of(
            "asOf", "业务日期 (business date, yyyy-MM-dd; default today): the answer as things stood on that day",
            "knownAt", "记录时间 (record time: an ISO-8601 instant, or a date meaning the end of that day in "
                    + "Asia/Shanghai; default now): only what was recorded by then counts, so that a published answer "
                    + "can be reproduced after later back-dated entries",
            "Idempotency-Key", "幂等键 (optional): the same key and body answers the first answer again (header "
                    + "Idempotent-Replayed) and writes nothing; the same key with another body is 409");

    @Bean
    public OpenAPI luodiOpenApi(ApiDocsProperties properties) {
        return new OpenAPI()
                .info(new Info().title(properties.title()).description(properties.description())
                        .version(properties.version()))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("用户名和密码 (luodi.security.mode=basic, the default)"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("OIDC 访问令牌 (luodi.security.mode=oidc): roles and township from "
                                        + "the token's claims")));
    }

    /**
     * Tags an operation with its feature: the package after {@code org.luodi.<side>}, so that the document groups
     * operations as the code does ({@code alert}, {@code audit}, …) and a new package shows up as a new tag.
     */
    @Bean
    public OperationCustomizer featureTags() {
        return (operation, handler) -> operation.tags(List.of(feature(handler.getBeanType().getPackageName())));
    }

    /** Describes {@link #COMMON_PARAMETERS} wherever an operation takes them and says nothing of its own. */
    @Bean
    public OperationCustomizer commonParameters() {
        return (operation, handler) -> {
            if (operation.getParameters() != null) {
                operation.getParameters().stream().filter(p -> p.getDescription() == null)
                        .forEach(p -> p.setDescription(COMMON_PARAMETERS.get(p.getName())));
            }
            return operation;
        };
    }

    static String feature(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 3 ? parts[3] : parts[parts.length - 1];
    }

    /**
     * What holds for every operation, added once the document is built: the problem+json answers, who may call
     * (every {@code /api} path needs a sign-in, SecurityConfig; the rest is open) and the tags' descriptions.
     */
    @Bean
    public OpenApiCustomizer everyOperation(ApiDocsProperties properties) {
        return openApi -> {
            // here rather than on the base document: springdoc drops schemas that nothing refers to yet
            openApi.getComponents().addSchemas(ProblemSchema.PROBLEM, ProblemSchema.problem())
                    .addSchemas(ProblemSchema.FIELD_PROBLEM, ProblemSchema.fieldProblem());
            ApiResponse problem = new ApiResponse().description("错误说明 (problem+json)").content(new Content()
                    .addMediaType(PROBLEM_JSON, new MediaType()
                            .schema(new Schema<>().$ref(ProblemSchema.REF + ProblemSchema.PROBLEM))));
            List<SecurityRequirement> signedIn = List.of(new SecurityRequirement().addList(BASIC),
                    new SecurityRequirement().addList(BEARER));
            TreeSet<String> used = new TreeSet<>();
            if (openApi.getPaths() != null) {
                openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                    operation.getResponses().addApiResponse("4XX", problem).addApiResponse("5XX", problem);
                    operation.security(path.startsWith("/api/") ? signedIn : List.of());
                    used.addAll(tags(operation));
                }));
            }
            Map<String, String> described = properties.features();
            openApi.tags(used.stream().map(name -> new Tag().name(name).description(described.get(name))).toList());
        };
    }

    private static List<String> tags(Operation operation) {
        return operation.getTags() == null ? List.of() : operation.getTags();
    }
}
