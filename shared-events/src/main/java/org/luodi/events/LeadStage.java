package org.luodi.events;

/**
 * Where a lead stands: 信息 → 研判 → 在谈 → 评审 → 签约, or 放弃; 暂缓 is a pause from which it resumes where it was.
 */
public enum LeadStage {
    INFO("信息"), ASSESSED("研判"), NEGOTIATING("在谈"), REVIEWED("评审"), SIGNED("签约"), ABANDONED("放弃"),
    SUSPENDED("暂缓");

    private final String label;

    LeadStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Signed or abandoned: nothing more happens to the lead. */
    public boolean closed() {
        return this == SIGNED || this == ABANDONED;
    }
}
