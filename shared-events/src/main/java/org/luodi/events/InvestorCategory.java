package org.luodi.events;

/** What the investor is, as the seeds single it out (000 line 38, 001 lines 145-151, 002 line 35); several may hold. */
public enum InvestorCategory {
    GLOBAL_500("世界500强"), CHINA_500("中国500强"), PRIVATE_500("民营500强"), LISTED("上市公司"),
    STATE_OWNED("央企国企"), INDUSTRY_LEADER("行业龙头");

    private final String label;

    InvestorCategory(String label) {
        this.label = label;
    }

    /** As a clerk reads it. */
    public String label() {
        return label;
    }
}
