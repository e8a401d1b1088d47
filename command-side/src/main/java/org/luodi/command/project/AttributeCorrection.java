package org.luodi.command.project;

import org.luodi.command.project.ProjectCommands.CorrectAttributes;
import org.luodi.events.ProjectAttributes;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.reference.ReferenceData;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Collection;
import java.util.Objects;

/**
 * The input rules of 更正项目信息 ({@link CorrectAttributes}), as signing has them for the same fields: what the
 * attributes are after the correction, or a 400 naming every wrong field; a correction that changes nothing is a 400
 * for the request as a whole (field null). Who may send it and whether the project allows it are the aggregate's.
 */
final class AttributeCorrection {
    private AttributeCorrection() {
    }

    static ProjectAttributes after(CorrectAttributes cmd, ProjectAttributes before, Clock clock,
                                   ReferenceData reference) {
        Checks checks = new Checks(clock)
                .text("name", cmd.name(), 200, false)
                .that(cmd.name() == null || !cmd.name().isBlank(), "name", "不能为空")
                .text("investor", cmd.investor(), 200, false)
                .that(cmd.investor() == null || !cmd.investor().isBlank(), "investor", "不能为空")
                .that(cmd.township() == null || reference.isTownship(cmd.township()), "township", "未知的乡镇代码")
                .that(cmd.industryChain() == null || reference.isIndustryChain(cmd.industryChain()),
                        "industryChain", "未知的产业链代码")
                .that(noNulls(cmd.types()), "types", "未知的项目类型")
                .that(noNulls(cmd.investorCategories()), "investorCategories", "未知的投资方类别")
                .text("reason", cmd.reason(), 500, true);
        if (cmd.contractAmountWan() != null) {
            checks.positive("contractAmountWan", cmd.contractAmountWan());
        }
        if (cmd.plannedInvestmentWan() != null) {
            checks.positive("plannedInvestmentWan", cmd.plannedInvestmentWan());
        }
        checks.throwIfAny();
        ProjectAttributes after = new ProjectAttributes(
                or(strip(cmd.name()), before.name()), or(strip(cmd.investor()), before.investor()),
                or(cmd.township(), before.township()), or(cmd.industryChain(), before.industryChain()),
                or(cmd.industrial(), before.industrial()), or(cmd.sourceRegion(), before.sourceRegion()),
                amount(cmd.contractAmountWan(), before.contractAmountWan()),
                amount(cmd.plannedInvestmentWan(), before.plannedInvestmentWan()),
                or(cmd.types(), before.types()), or(cmd.investorCategories(), before.investorCategories()));
        if (after.sameAs(before)) {
            throw new InvalidInputException(null, "没有需要更正的内容：所填信息与现有记录相同");
        }
        return after;
    }

    private static boolean noNulls(Collection<?> flags) {
        return flags == null || flags.stream().noneMatch(Objects::isNull);
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }

    /** The amount given, unless it is the current one written otherwise (12000.00 for 12000). */
    private static BigDecimal amount(BigDecimal given, BigDecimal current) {
        return given == null || ProjectAttributes.sameAmount(given, current) ? current : given;
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
