package org.luodi.platform.problem;

import java.util.regex.Pattern;

/**
 * 404: the {@link Kind} of thing asked for, and its id, does not exist (or is not one the caller may know of). The
 * answer says what was missing: 项目, 读模型, 搁置事件, 审计摘要, an address.
 */
public class NotFoundException extends RuntimeException {
    /** Ids are codes and UUIDs: anything else is not repeated back to the caller. */
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public enum Kind {
        PROJECT("项目", ErrorCode.PROJECT_NOT_FOUND),
        READ_MODEL("读模型", ErrorCode.READ_MODEL_NOT_FOUND),
        DEAD_LETTER("搁置事件", ErrorCode.DEAD_LETTER_NOT_FOUND),
        AUDIT_DIGEST("审计摘要", ErrorCode.AUDIT_DIGEST_NOT_FOUND),
        RESOURCE("地址", ErrorCode.RESOURCE_NOT_FOUND),
        TICKET("问题", ErrorCode.TICKET_NOT_FOUND),
        LEAD("项目线索", ErrorCode.LEAD_NOT_FOUND),
        EVIDENCE("实证文件", ErrorCode.EVIDENCE_NOT_FOUND);

        private final String noun;
        private final ErrorCode code;

        Kind(String noun, ErrorCode code) {
            this.noun = noun;
            this.code = code;
        }

        public String noun() {
            return noun;
        }

        public ErrorCode code() {
            return code;
        }
    }

    private final Kind kind;
    private final String id;

    /** "项目 {id} 不存在" (the id only when it is a plain code or UUID). */
    public NotFoundException(Kind kind, String id) {
        this(kind, id, id != null && PLAIN_ID.matcher(id).matches()
                ? kind.noun() + " " + id + " 不存在" : kind.noun() + "不存在");
    }

    /** With a detail more precise than "does not exist" (a project not yet signed on the date asked for). */
    public NotFoundException(Kind kind, String id, String detail) {
        super(detail);
        this.kind = kind;
        this.id = id;
    }

    public Kind kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
