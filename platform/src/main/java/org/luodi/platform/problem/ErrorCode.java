package org.luodi.platform.problem;

/**
 * Every refusal's stable, machine-readable {@code code}, the HTTP status it comes with and what it means. A client
 * decides by the code; people read the problem's Chinese {@code detail}. docs/contract.md lists them all (a test
 * keeps the two in step); a code, once published, keeps its meaning.
 */
public enum ErrorCode {
    REQUEST_INVALID("request.invalid", 400, "请求内容有误，errors 逐项列出有误的字段"),
    REQUEST_MALFORMED("request.malformed", 400, "请求内容无法读取：不是有效的 JSON，或传输格式有误"),
    REQUEST_REJECTED("request.rejected", 400, "请求格式不正确：地址、参数或请求头不合规"),
    AUTH_REQUIRED("auth.required", 401, "请先登录：没有凭据，或凭据无效"),
    AUTH_BAD_CREDENTIALS("auth.bad-credentials", 401, "登录页：用户名或密码不正确"),
    ACCESS_DENIED("access.denied", 403, "当前角色无权执行此操作"),
    CSRF_INVALID("csrf.invalid", 403, "页面已过期（浏览器会话缺少有效的 CSRF 令牌），请刷新后重试"),
    ACCESS_OTHER_TOWNSHIP("access.other-township", 403, "不能查看或操作其他乡镇的数据"),
    PROJECT_NOT_FOUND("project.not-found", 404, "项目不存在，或在所选日期尚未签约"),
    READ_MODEL_NOT_FOUND("read-model.not-found", 404, "没有这个读模型，或它没有死信队列"),
    DEAD_LETTER_NOT_FOUND("dead-letter.not-found", 404, "没有这个搁置事件"),
    AUDIT_DIGEST_NOT_FOUND("audit-digest.not-found", 404, "所问时刻之前尚无封存的审计摘要"),
    RESOURCE_NOT_FOUND("resource.not-found", 404, "没有这个地址"),
    TICKET_NOT_FOUND("ticket.not-found", 404, "问题不存在"),
    LEAD_NOT_FOUND("lead.not-found", 404, "项目线索不存在，或不是本单位可以查看的线索"),
    EVIDENCE_NOT_FOUND("evidence.not-found", 404, "实证文件不存在"),
    METHOD_NOT_ALLOWED("request.method-not-allowed", 405, "该地址不支持这种请求方法"),
    NOT_ACCEPTABLE("request.not-acceptable", 406, "无法以请求的格式（Accept）作答"),
    REQUEST_TIMEOUT("request.timeout", 408, "请求超时"),
    PROJECT_EXISTS("project.exists", 409, "该项目编号已存在"),
    PROJECT_CONCURRENT_CHANGE("project.concurrent-change", 409, "项目刚被他人修改，请刷新后重试"),
    PROJECT_VOID("project.void", 409, "项目已作废"),
    PROJECT_TERMINATED("project.terminated", 409, "项目已解约，只能更正"),
    MILESTONE_ALREADY_RECORDED("milestone.already-recorded", 409, "该里程碑已记录，改动请用更正"),
    MILESTONE_NOT_RECORDED("milestone.not-recorded", 409, "该里程碑尚未记录，无法更正或撤销"),
    MILESTONE_SIGNING_PERMANENT("milestone.signing-permanent", 409, "签约不能撤销，误录请作废项目"),
    MILESTONE_OUT_OF_ORDER("milestone.out-of-order", 409,
            "里程碑的日期或先后不合规则（如开工早于签约、未开工就入库、已投产的项目解约）"),
    FUNDS_NO_SUCH_ARRIVAL("funds.no-such-arrival", 409, "没有这一笔到位资金"),
    AMOUNT_IMPLAUSIBLE("amount.implausible", 409,
            "金额与项目其他金额相差过大，疑为单位有误；确认无误后带 confirmImplausible: true 再提交"),
    TICKET_EXISTS("ticket.exists", 409, "该问题编号已存在"),
    TICKET_CLOSED("ticket.closed", 409, "问题已销号"),
    TICKET_OUT_OF_ORDER("ticket.out-of-order", 409, "问题当前的状态不允许此操作（如答复未交办的问题、重新交办未答复的问题）"),
    LEAD_EXISTS("lead.exists", 409, "该项目线索编号已存在"),
    LEAD_CLOSED("lead.closed", 409, "项目线索已签约或已放弃"),
    LEAD_OUT_OF_ORDER("lead.out-of-order", 409, "项目线索当前的阶段不允许此操作（如未研判就首谈、暂缓中的线索签约）"),
    LEAD_REVIEW_REQUIRED("lead.review-required", 409, "预计投资 5 亿元及以上的线索须先通过签约前评审（三重一大）才能签约"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key.reused", 409, "该幂等键已用于另一个请求"),
    READ_MODEL_NOT_RESETTABLE("read-model.not-resettable", 409, "该读模型不支持重建"),
    READ_MODEL_CLAIMED("read-model.claimed-elsewhere", 409, "其他查询端实例正在处理该读模型"),
    LEDGER_UNREADABLE("ledger.unreadable", 400,
            "不是可导入的台账：须为 .xlsx 工作簿（不是 .xls、CSV 或 PDF），不含公式、合并单元格、隐藏的工作表或行，表头须为模板的表头"),
    LEDGER_INVALID("ledger.invalid", 400, "台账有误，errors 逐项列出工作表、单元格和原因；整个文件都没有写入"),
    BODY_TOO_LARGE("request.body-too-large", 413, "请求内容超过 1 MiB"),
    LEDGER_TOO_LARGE("ledger.too-large", 413, "台账文件超过 20 MiB，请按乡镇分成几个文件导入"),
    EVIDENCE_TOO_LARGE("evidence.too-large", 413, "实证文件超过 20 MiB：照片请压缩，PDF 请分成几个文件上传"),
    EVIDENCE_TYPE_REFUSED("evidence.unsupported-type", 415,
            "实证只接受 JPEG、PNG 照片和 PDF 文件（按文件内容判断，与文件名无关）"),
    EVIDENCE_UNVERIFIABLE("evidence.unverifiable", 409, "保存的文件与录入时记录的 SHA-256 不符，或已无法读取，不予提供"),
    URI_TOO_LONG("request.uri-too-long", 414, "地址过长"),
    UNSUPPORTED_MEDIA_TYPE("request.unsupported-media-type", 415, "不支持的内容类型（Content-Type）"),
    HEADERS_TOO_LARGE("request.headers-too-large", 431, "请求头过大"),
    REQUEST_REFUSED("request.refused", 400, "请求无法处理（其他 4xx 状态，以 status 为准）"),
    INTERNAL("server.internal", 500, "服务器内部错误"),
    NOT_IMPLEMENTED("request.not-implemented", 501, "不支持的请求方式或传输编码"),
    SERVER_BUSY("server.busy", 503, "系统繁忙（数据库连接已用尽），请稍后重试"),
    DATABASE_UNAVAILABLE("database.unavailable", 503, "数据库暂不可用，请稍后重试"),
    COMMAND_SIDE_UNAVAILABLE("command-side.unavailable", 503, "录入服务暂不可用，请稍后重试"),
    SERVICE_UNAVAILABLE("server.unavailable", 503, "服务暂不可用，请稍后重试"),
    HTTP_VERSION("request.http-version", 505, "不支持的 HTTP 版本");

    private final String code;
    private final int status;
    private final String meaning;

    ErrorCode(String code, int status, String meaning) {
        this.code = code;
        this.status = status;
        this.meaning = meaning;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** What the code means, in Chinese; also the detail when nothing more precise can be said. */
    public String meaning() {
        return meaning;
    }

    /**
     * The code for a bare status, where nothing but the status is known (the servlet container's error page,
     * Tomcat's own refusals, Spring MVC's refusals before any handler ran).
     */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> REQUEST_REJECTED;
            case 401 -> AUTH_REQUIRED;
            case 403 -> ACCESS_DENIED;
            case 404 -> RESOURCE_NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 408 -> REQUEST_TIMEOUT;
            case 413 -> BODY_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 431 -> HEADERS_TOO_LARGE;
            case 501 -> NOT_IMPLEMENTED;
            case 503 -> SERVICE_UNAVAILABLE;
            case 505 -> HTTP_VERSION;
            default -> status >= 500 ? INTERNAL : REQUEST_REFUSED;
        };
    }
}
