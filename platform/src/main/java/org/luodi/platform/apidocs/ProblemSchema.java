package org.luodi.platform.apidocs;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

import java.util.List;
import java.util.Set;

/**
 * The one shape of every refusal (RFC 9457 problem+json, SPEC §7), written by hand because no controller method
 * returns it: handlers, the security filters and the container's error page write it.
 */
final class ProblemSchema {
    static final String PROBLEM = "Problem";
    static final String FIELD_PROBLEM = "FieldProblem";
    static final String REF = "#/components/schemas/";

    private ProblemSchema() {
    }

    static Schema<?> problem() {
        return new ObjectSchema()
                .description("错误说明 (problem+json, RFC 9457): every 4xx and 5xx answer has this shape")
                .addProperty("type", new StringSchema().format("uri-reference")
                        .description("about:blank, or a relative URI naming a kind of refusal "
                                + "(/problems/implausible-amount)"))
                .addProperty("title", new StringSchema().description("the status's reason phrase"))
                .addProperty("status", new IntegerSchema().description("the HTTP status, repeated"))
                .addProperty("detail", new StringSchema()
                        .description("中文说明，括号内为英文 (what went wrong, for the person)"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("code", new StringSchema()
                        .description("a stable machine-readable name of the error, for programs to branch on "
                                + "(optional: not every answer carries one yet)"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref(REF + FIELD_PROBLEM))
                        .description("for bad input (400, some 409): the fields that are wrong"))
                .addProperty("check", new StringSchema()
                        .description("implausible-amount only: the plausibility rule the amount tripped"))
                .addProperty("confirm", new StringSchema()
                        .description("implausible-amount only: the body field that records it anyway "
                                + "(confirmImplausible)"))
                .required(List.of("title", "status", "detail"));
    }

    static Schema<?> fieldProblem() {
        return new ObjectSchema()
                .description("one wrong field of a request")
                .addProperty("field", new Schema<String>().types(Set.of("string", "null"))
                        .description("the field's JSON path or parameter name; null: the body as a whole"))
                .addProperty("message", new StringSchema().description("why, in words a clerk understands"))
                .required(List.of("field", "message"));
    }
}
