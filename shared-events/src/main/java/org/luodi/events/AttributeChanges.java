package org.luodi.events;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an {@link AttributesCorrected} changed, for people: "所属乡镇 高新区 → 陈贵镇；合同金额 12,000 万元 → 13,000 万元",
 * the attributes in the order the project page lists them, only those that differ.
 */
final class AttributeChanges {
    private AttributeChanges() {
    }

    static String describe(ProjectAttributes before, ProjectAttributes after) {
        if (before == null || after == null) {
            return "（记录内容无法解读）";
        }
        List<String> changes = new ArrayList<>();
        change(changes, "项目名称", before.name(), after.name(), AttributeChanges::text);
        change(changes, "投资方", before.investor(), after.investor(), AttributeChanges::text);
        change(changes, "所属乡镇", before.township(), after.township(), PlaceNames::township);
        change(changes, "产业链", before.industryChain(), after.industryChain(), PlaceNames::chain);
        change(changes, "工业项目", before.industrial(), after.industrial(), yes -> yes ? "是" : "否");
        change(changes, "投资方来源", before.sourceRegion(), after.sourceRegion(), EventDescriptions::source);
        amount(changes, "合同金额", before.contractAmountWan(), after.contractAmountWan());
        amount(changes, "计划总投资", before.plannedInvestmentWan(), after.plannedInvestmentWan());
        change(changes, "项目类型", before.types(), after.types(), types -> flags(types, ProjectType::label));
        change(changes, "投资方类别", before.investorCategories(), after.investorCategories(),
                categories -> flags(categories, InvestorCategory::label));
        return changes.isEmpty() ? "无变化" : String.join("；", changes);
    }

    /** Flags as a list for people ("二次招商、技改"), or 无. */
    static <E> String flags(Set<E> flags, Function<E, String> label) {
        return flags == null || flags.isEmpty() ? "无" : flags.stream().map(label).collect(Collectors.joining("、"));
    }

    private static <T> void change(List<String> changes, String what, T before, T after, Function<T, String> shown) {
        if (!Objects.equals(before, after)) {
            changes.add(what + " " + shown.apply(before) + " → " + shown.apply(after));
        }
    }

    private static void amount(List<String> changes, String what, BigDecimal before, BigDecimal after) {
        if (!ProjectAttributes.sameAmount(before, after)) {
            changes.add(what + " " + wanOrNone(before) + " → " + wanOrNone(after));
        }
    }

    private static String wanOrNone(BigDecimal wan) {
        return wan == null ? "未填" : EventDescriptions.wan(wan);
    }

    private static String text(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
