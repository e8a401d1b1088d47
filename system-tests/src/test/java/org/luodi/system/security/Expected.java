package org.luodi.system.security;

import org.luodi.system.security.Hostile.Field;
import org.luodi.system.security.Hostile.Kind;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The one status a hostile command must get, worked out from what was broken in it and the order in which the sides
 * look at a request: the firewall, authentication, the mapping of method and path, the request hygiene (Content-Type,
 * Accept, Idempotency-Key), reading the JSON body, the controller's reading of the project id, then the aggregate
 * (does the project exist, may this caller act on it, are the fields right, and for a signing, is the township the
 * clerk's own). The first refusal in that order is the answer; every breaker adds the refusal it causes.
 */
final class Expected {
    private Expected() {
    }

    /**
     * One refusal a breaker causes: where in the order it is met, its status, its problem {@code code} (ErrorCode,
     * docs/contract.md §8) and what it is.
     */
    record Effect(int stage, int status, String code, String why) {
        @Override
        public String toString() {
            return status + " " + code + " (" + why + ")";
        }
    }

    /**
     * The refusal a request must get: the status of the first stage any breaker reaches, and the codes of the
     * breakers met at that stage (more than one only where two breakers meet the same stage and which of them the
     * server reads first depends on where in the body they are, e.g. an unknown field and a key twice).
     */
    record Refusal(int status, java.util.Set<String> codes, String why) {
        @Override
        public String toString() {
            return status + " " + String.join("|", codes) + " (" + why + ")";
        }
    }

    static final String AUTH_REQUIRED = "auth.required", ACCESS_DENIED = "access.denied",
            OTHER_TOWNSHIP = "access.other-township", INVALID = "request.invalid", MALFORMED = "request.malformed",
            REJECTED = "request.rejected", METHOD_NOT_ALLOWED = "request.method-not-allowed",
            NOT_ACCEPTABLE = "request.not-acceptable", UNSUPPORTED = "request.unsupported-media-type",
            PROJECT_NOT_FOUND = "project.not-found", READ_MODEL_NOT_FOUND = "read-model.not-found",
            DEAD_LETTER_NOT_FOUND = "dead-letter.not-found", RESOURCE_NOT_FOUND = "resource.not-found",
            TICKET_NOT_FOUND = "ticket.not-found";

    /**
     * The order; {@code PROXY} is the query side's command proxy, which refuses an id that is not a UUID before it
     * forwards the body unread (the command side reads the body before it looks at the id); {@code PATH} a path
     * variable Spring cannot convert (read before the body); {@code LOOKUP} what a path variable names (a parked
     * event, a read model), looked up only after the caller's role and the body passed.
     */
    static final int FIREWALL = 0, AUTHENTICATION = 1, METHOD = 2, CONTENT_TYPE = 3, ACCEPT = 4, KEY = 5, PROXY = 6,
            PATH = 7, CONVERTER = 8, JSON = 9, CONTROLLER = 10, PROJECT = 11, ROLE = 12, REACH = 13, CHECKS = 14,
            SIGNING_TOWNSHIP = 15, LOOKUP = 16;

    /**
     * A refused Content-Type: the request hygiene refuses wildcards, unknown charsets and what does not parse (415
     * before Accept and the Idempotency-Key are looked at); a concrete type that is not JSON gets its 415 only when
     * the body is to be read (on the query side: by the command side, after the proxy forwarded it).
     */
    static Effect contentType(String type) {
        boolean hygiene;
        try {
            org.springframework.http.MediaType parsed = org.springframework.http.MediaType.parseMediaType(type);
            String charset = parsed.getParameter("charset");
            hygiene = parsed.isWildcardType() || parsed.isWildcardSubtype()
                    || charset != null && !isSupported(charset.replace("\"", ""));
        } catch (IllegalArgumentException unparseable) {
            hygiene = true;
        }
        return new Effect(hygiene ? CONTENT_TYPE : CONVERTER, 415, UNSUPPORTED, "Content-Type " + type);
    }

    private static boolean isSupported(String charset) {
        try {
            return java.nio.charset.Charset.isSupported(charset);
        } catch (IllegalArgumentException illegal) {
            return false;
        }
    }

    static Refusal firstOf(Collection<Effect> effects) {
        Effect first = effects.stream().min(Comparator.comparingInt(Effect::stage)).orElse(null);
        if (first == null) {
            return null;
        }
        java.util.Set<String> codes = new java.util.TreeSet<>();
        effects.stream().filter(e -> e.stage() == first.stage()).forEach(e -> codes.add(e.code()));
        return new Refusal(first.status(), codes, first.why());
    }

    /** Path segments the firewall (or Tomcat's decoding) refuses with a 400 before anybody is authenticated. */
    private static final Set<String> REFUSED_SEGMENTS = Set.of("%00", "..%2F..%2Fetc", "a;b", "%2e%2e", "%25", "%5C",
            "%ED%A0%80");

    /** The effect of a project id in the path that names no project. */
    static Effect unknownProjectInPath(String segment, String side) {
        if (REFUSED_SEGMENTS.contains(segment)) {
            return new Effect(FIREWALL, 400, REJECTED, "path refused by the firewall");
        }
        try {
            java.util.UUID parsed = java.util.UUID.fromString(segment);
            if (parsed.toString().equalsIgnoreCase(segment)) {
                return new Effect(PROJECT, 404, PROJECT_NOT_FOUND, "no such project");
            }
        } catch (IllegalArgumentException notAUuid) {
            // below
        }
        return new Effect(side.equals("query") ? PROXY : CONTROLLER, 404, PROJECT_NOT_FOUND,
                "an id that is not a UUID names no project");
    }

    private static final List<String> AMOUNTS_NOT_JSON = List.of("NaN", "Infinity", "-Infinity", "1.", ".5", "0x10",
            "1_000");

    private static final List<String> UNPARSED_DATES = List.of("\"2024-02-30\"", "\"2024-13-01\"", "\"2024-5-1\"",
            "\"20240520\"", "\"２０２４-０５-２０\"", "\"2024-05-20\\u0000\"", "\"0000-00-00\"",
            "\"2024-05-20'; DROP TABLE domain_event_entry; --\"", "{}", "[]", "19999");

    /**
     * The effect of a field given {@code value}: JSON binding refuses values of the wrong JSON type, NUL and unpaired
     * surrogates, numbers JSON does not know and dates that are no dates (all 400 before any command runs); the
     * command's own checks refuse the rest (400, but only after the project, the role and the township passed).
     */
    static Effect fieldValue(Field field, String value, boolean signing) {
        boolean unbound = switch (field.kind()) {
            case TEXT, REASON, TOWNSHIP, CHAIN, DEPARTMENT, LEADER, CREDIT_CODE, UUID -> !value.startsWith("\"") && !value.equals("null")
                    || value.contains("\\u0000") || value.contains("\\ud800") || value.contains("\\udc00");
            case BOOL -> !value.equals("null") && !value.equals("true") && !value.equals("false");
            case AMOUNT -> !value.equals("null") && !value.equals("\"1e400\"") && !value.equals("\"\"")
                    && !value.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?")
                    || value.length() > 1000 || value.equals("1e2147483648");
            case DATE -> UNPARSED_DATES.contains(value);
            case ENUM -> !value.equals("null") && !field.enumValues().contains(value.replace("\"", ""));
            // a map of indicator keys to numbers: anything else, or a value that is no number, is not read
            case TARGETS -> !value.equals("null") && !value.startsWith("{") || value.matches(".*:\\s*[\\[\"].*");
            // a list of the enum's names; a null in it is read, and refused by the command's checks
            case FLAGS -> !value.equals("null") && !value.equals("[null]") && !flagsOf(field, value);
        };
        if (field.kind() == Kind.AMOUNT && (AMOUNTS_NOT_JSON.contains(value) || value.length() > 1000)) {
            // no JSON number at all (or one longer than the parser reads): the body is no JSON
            return new Effect(JSON, 400, MALFORMED, field.name() + " holds a token JSON does not know");
        }
        if (unbound) {
            return new Effect(JSON, 400, INVALID, field.name() + " cannot be read as " + field.kind());
        }
        if (field.kind() == Kind.UUID) {
            return new Effect(CONTROLLER, 400, INVALID, field.name() + " is not a UUID");
        }
        return new Effect(CHECKS, 400, INVALID, field.name() + " refused by the command's checks");
    }

    /** Whether {@code value} is a JSON list of names of {@code field}'s enum, as binding reads it. */
    private static boolean flagsOf(Field field, String value) {
        if (!value.startsWith("[") || !value.endsWith("]")) {
            return false;
        }
        String inner = value.substring(1, value.length() - 1).strip();
        return inner.isEmpty() || java.util.Arrays.stream(inner.split(","))
                .allMatch(name -> field.enumValues().contains(name.strip().replace("\"", "")));
    }

    static Effect missing(Field field) {
        return new Effect(CHECKS, 400, INVALID, field.name() + " missing");
    }

    /**
     * Who may send a command of {@code sender} on a project of 高新区 (or, signing, for {@code township}), and the
     * refusal for anybody else.
     */
    static Effect caller(String caller, Hostile.Sender sender, boolean signing, String township) {
        boolean clerk = caller.equals("gaoxin") || caller.equals("chengui");
        String own = clerk ? caller : null;
        if (signing) {
            if (!clerk) {
                return new Effect(ROLE, 403, ACCESS_DENIED, caller + " is no clerk");
            }
            return township != null && !township.equals(own)
                    ? new Effect(SIGNING_TOWNSHIP, 403, OTHER_TOWNSHIP, caller + " signs for " + township) : null;
        }
        return switch (sender) {
            case CLERK -> !clerk ? new Effect(ROLE, 403, ACCESS_DENIED, caller + " is no clerk")
                    : own.equals("gaoxin") ? null : new Effect(REACH, 403, OTHER_TOWNSHIP, caller + " is not of 高新区");
            case CLERK_OR_SUPERVISOR -> caller.equals("supervisor") || caller.equals("gaoxin") ? null
                    : clerk ? new Effect(REACH, 403, OTHER_TOWNSHIP, caller + " is not of 高新区")
                    : new Effect(ROLE, 403, ACCESS_DENIED, caller + " is neither clerk nor supervisor");
            case SUPERVISOR -> caller.equals("supervisor") ? null : new Effect(ROLE, 403, ACCESS_DENIED, caller + " is no supervisor");
        };
    }
}
