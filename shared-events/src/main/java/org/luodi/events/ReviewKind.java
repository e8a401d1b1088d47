package org.luodi.events;

/**
 * The two reviews of seed 000 lines 98 and 366 and seed 001 lines 462-472: 入园预审 (monthly, of the project's
 * industry, land and policy) and 签约前评审 (of the contract; "三重一大" for 5亿 and more, {@link LeadUnits#REVIEW_THRESHOLD_WAN}).
 */
public enum ReviewKind {
    PRE_REVIEW("入园预审"), CONTRACT_REVIEW("签约前评审");

    private final String label;

    ReviewKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
