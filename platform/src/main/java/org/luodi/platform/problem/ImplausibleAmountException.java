package org.luodi.platform.problem;

/**
 * 409 {@link ErrorCode#AMOUNT_IMPLAUSIBLE} with {@code type} {@link #TYPE}: an amount so far from the project's
 * others that it is more likely a typing error (1,200 亿元 for 1,200 万元) than the truth. Not refused outright: the same request with
 * {@code "confirmImplausible": true} records it. {@code check} says which rule it tripped.
 */
public class ImplausibleAmountException extends RuleViolationException {
    /** A relative URI reference (RFC 9457 §3.1.1), resolved against the API's own address. */
    public static final String TYPE = "/problems/implausible-amount";
    public static final String CONFIRM_FIELD = "confirmImplausible";

    private final String check;

    public ImplausibleAmountException(String field, String check, String message) {
        super(ErrorCode.AMOUNT_IMPLAUSIBLE, field, message);
        this.check = check;
    }

    public String check() {
        return check;
    }
}
