package org.luodi.query.assessment;

import java.math.BigDecimal;

/**
 * What a supervisor records against a unit's year-end score: 通报表扬 adds points, 通报批评 and a 约谈 deduct them
 * (seed 001 line 515: "被约谈招商责任单位，在年终考核时进行相应扣分"). The request names the points as a positive
 * number; the kind gives the sign, so that a praise can never lower a score by a slip of the minus key.
 */
public enum AdjustmentKind {
    PRAISE("通报表扬", BigDecimal.ONE),
    CRITICISM("通报批评", BigDecimal.ONE.negate()),
    INTERVIEW_DEDUCTION("约谈扣分", BigDecimal.ONE.negate());

    private final String label;
    private final BigDecimal sign;

    AdjustmentKind(String label, BigDecimal sign) {
        this.label = label;
        this.sign = sign;
    }

    public String label() {
        return label;
    }

    /** The signed effect on the score of {@code points} (a positive number) of this kind. */
    BigDecimal effect(BigDecimal points) {
        return points.multiply(sign);
    }
}
