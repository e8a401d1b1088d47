package org.luodi.events;

/**
 * Where a lead (项目信息) came from, in the seeds' words (seed 000 lines 50-58: 以商招商, 商会, 中介, 外出招商活动;
 * seed 004 counts domestic and foreign leads apart, which {@link #FOREIGN} keeps).
 */
public enum LeadSource {
    BUSINESS_REFERRAL("以商招商"), CHAMBER("商会"), AGENCY("中介"), ROADSHOW("外出招商活动"), ONLINE("网络"),
    FOREIGN("外资渠道"), OTHER("其他");

    private final String label;

    LeadSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
