package org.luodi.events;

/**
 * What kind of project it is besides its chain, as the seeds count and reward them; a project may be several at once:
 * 二次招商 (seed 000 line 68), 技改 and 增资扩建 (001 lines 246-258), 以商招商, 商会回归, 基金配套, 专精特新.
 */
public enum ProjectType {
    SECOND_ROUND("二次招商"), TECHNICAL_UPGRADE("技改"), CAPITAL_EXPANSION("增资扩建"), REFERRED_BY_INVESTOR("以商招商"),
    CHAMBER_RETURN("商会回归"), FUND_MATCHED("基金配套"), SPECIALIZED_INNOVATIVE("专精特新");

    private final String label;

    ProjectType(String label) {
        this.label = label;
    }

    /** As a clerk reads it. */
    public String label() {
        return label;
    }
}
