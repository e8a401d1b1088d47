package org.luodi.command.project;

import org.luodi.events.EventDescriptions;
import org.luodi.platform.problem.ImplausibleAmountException;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;

/**
 * When an amount needs the clerk's explicit confirmation ({@code confirmImplausible}) because it looks like a typing
 * error of 10,000× rather than the truth: {@code luodi.plausibility.funds-to-contract} (a project's 万元 funds above
 * this multiple of its contract amount; default 3), {@code max-contract-wan} (a contract above this many 万元;
 * default 10,000,000 = 1,000 亿元) and {@code planned-to-contract} (a planned investment, 入库 计划总投资, above this
 * multiple of the contract amount; default 10). Exactly at a threshold is plausible.
 */
@ConfigurationProperties("luodi.plausibility")
public record Plausibility(BigDecimal fundsToContract, BigDecimal maxContractWan, BigDecimal plannedToContract) {
    public static final Plausibility DEFAULTS = new Plausibility(null, null, null);

    public Plausibility {
        fundsToContract = fundsToContract == null ? new BigDecimal("3") : fundsToContract;
        maxContractWan = maxContractWan == null ? new BigDecimal("10000000") : maxContractWan;
        plannedToContract = plannedToContract == null ? new BigDecimal("10") : plannedToContract;
        // refuse to start rather than ask for confirmation of every amount
        if (fundsToContract.signum() <= 0 || maxContractWan.signum() <= 0 || plannedToContract.signum() <= 0) {
            throw new IllegalArgumentException("luodi.plausibility: every threshold must be above zero");
        }
    }

    /** A contract amount above {@link #maxContractWan}. */
    void contract(BigDecimal contractWan, String field, Boolean confirmed) {
        if (contractWan != null && contractWan.compareTo(maxContractWan) > 0) {
            refuse(confirmed, field, "contract-over-limit", "合同金额 " + wan(contractWan) + "（"
                    + EventDescriptions.yi(contractWan) + "）超过 " + EventDescriptions.yi(maxContractWan)
                    + "，请核对金额和单位（万元/亿元）是否多输了位数；确认无误后再提交");
        }
    }

    /** The project's 万元 funds in total above {@link #fundsToContract} times its contract amount. */
    void funds(BigDecimal totalWan, BigDecimal contractWan, String field, Boolean confirmed) {
        if (totalWan != null && contractWan != null
                && totalWan.compareTo(contractWan.multiply(fundsToContract)) > 0) {
            refuse(confirmed, field, "funds-over-contract", "到位资金累计 " + wan(totalWan) + "，超过合同金额 "
                    + wan(contractWan) + " 的 " + fundsToContract.stripTrailingZeros().toPlainString()
                    + " 倍，请核对金额和单位是否有误；确认无误后再提交");
        }
    }

    /** A planned investment (入库 计划总投资) above {@link #plannedToContract} times the contract amount. */
    void planned(BigDecimal plannedWan, BigDecimal contractWan, String field, Boolean confirmed) {
        if (plannedWan != null && contractWan != null
                && plannedWan.compareTo(contractWan.multiply(plannedToContract)) > 0) {
            refuse(confirmed, field, "planned-over-contract", "计划总投资 " + wan(plannedWan) + "，超过合同金额 "
                    + wan(contractWan) + " 的 " + plannedToContract.stripTrailingZeros().toPlainString()
                    + " 倍，请核对金额和单位是否有误；确认无误后再提交");
        }
    }

    private static void refuse(Boolean confirmed, String field, String check, String message) {
        if (!Boolean.TRUE.equals(confirmed)) {
            throw new ImplausibleAmountException(field, check, message);
        }
    }

    private static String wan(BigDecimal wan) {
        return EventDescriptions.wan(wan);
    }
}
