package org.luodi.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type, found from {@link ProjectEvent}'s permitted subclasses (not listed here), is built with each
 * value its enums and booleans can take and with money in both currencies, stored as JSON and described: the
 * description is never blank, never says "null", and shows every amount the event carries with its own unit.
 */
class EventDescriptionsTest {
    private static final ObjectMapper JSON = EventJson.mapper();
    /** The sample amount and how it must read: grouped, every decimal kept. */
    private static final BigDecimal MONEY = new BigDecimal("1234.5");
    private static final String MONEY_TEXT = "1,234.5";
    private static final ProjectAttributes ATTRIBUTES = new ProjectAttributes("光谷智能装备产业园", "武汉某公司", "gaoxin",
            "smart-equipment", true, SourceRegion.OUT_OF_PROVINCE, new BigDecimal("12000"), null, Set.of(), Set.of());
    private static final ProjectAttributes OTHER_ATTRIBUTES = new ProjectAttributes("光谷智能装备产业园二期",
            "武汉某集团", "chengui", "new-materials", false, SourceRegion.FOREIGN, MONEY, new BigDecimal("30000"),
            Set.of(ProjectType.SECOND_ROUND, ProjectType.TECHNICAL_UPGRADE), Set.of(InvestorCategory.LISTED));

    private static final EvidenceFile PHOTO = new EvidenceFile("开工现场.jpg", "image/jpeg", 2_500_000L,
            "0f".repeat(32), EvidenceKind.SITE_PHOTO, java.time.LocalDateTime.of(2024, 5, 1, 9, 30, 5), 30.0925,
            114.98765);

    @Test
    void evidenceReadsWithItsKindSizeAndWhereAndWhenAPhotoWasTaken() {
        assertThat(EventDescriptions.describe(new EvidenceAttached("p", "e", Milestone.START, PHOTO)))
                .isEqualTo("开工实证：现场施工照片 开工现场.jpg（image/jpeg，2.4 MB），拍摄于 2024-05-01 09:30:05，"
                        + "拍摄位置 30.09250, 114.98765");
        assertThat(EventDescriptions.describe(new MilestoneVerified("p", Milestone.START, Verdict.DOUBTFUL,
                "照片早于开工日期"))).isEqualTo("开工存疑：照片早于开工日期");
        assertThat(EventDescriptions.describe(new TicketEvidenceAttached("t", "e", LocalDate.of(2024, 5, 2),
                new EvidenceFile("回单.png", "image/png", 800, "ab".repeat(32), EvidenceKind.BANK_RECEIPT, null,
                        null, null)))).isEqualTo("附件：银行回单 回单.png（image/png，800 字节）");
    }

    @Test
    void everyEventTypeHasADescriptionForItsPresentRevision() {
        for (Class<?> type : ProjectEvent.class.getPermittedSubclasses()) {
            assertThat(EventDescriptions.DESCRIBED_REVISIONS.get(type))
                    .as("%s @Revision %s: look at its description, then update DESCRIBED_REVISIONS",
                            type.getSimpleName(), EventDescriptions.revisionOf(type))
                    .isNotNull()
                    .isEqualTo(EventDescriptions.revisionOf(type));
        }
    }

    @Test
    void everyEventTypeHasANameForPeople() {
        assertThat(EventDescriptions.TYPE_LABELS.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(ProjectEvent.class.getPermittedSubclasses()).map(Class::getSimpleName).toList());
        assertThat(EventDescriptions.TYPE_LABELS.values()).doesNotHaveDuplicates().allSatisfy(l -> assertThat(l).isNotBlank());
    }

    @Test
    void moneyIsNeverBlankAndCarriesItsOwnUnit() throws Exception {
        int described = 0;
        for (Class<?> type : ProjectEvent.class.getPermittedSubclasses()) {
            for (Object[] args : samples(type)) {
                ProjectEvent event = (ProjectEvent) type.getDeclaredConstructor(
                        Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                                .toArray(Class[]::new)).newInstance(args);
                String text = EventDescriptions.describe(type.getSimpleName(), JSON.writeValueAsString(event));
                assertThat(text).as("%s", event).isNotBlank().doesNotContain("null").doesNotContain("金额缺失").doesNotContain("无法解读").doesNotContain("未知的记录类型");
                for (int i = 0; i < args.length; i++) {
                    String name = type.getRecordComponents()[i].getName();
                    if (args[i] instanceof Amount amount) {
                        assertThat(text).as("%s", event).contains(MONEY_TEXT
                                + (amount.currency() == CurrencyCode.USD ? " 万美元" : " 万元"));
                        if (amount.currency() == CurrencyCode.CNY) {
                            assertThat(text).doesNotContain("万美元");
                        }
                    } else if (args[i] instanceof BigDecimal) {
                        assertThat(text).as("%s", event).contains(MONEY_TEXT
                                + (name.toLowerCase().contains("usd") ? " 万美元" : " 万元"));
                    }
                }
                described++;
            }
        }
        assertThat(described).isGreaterThan(ProjectEvent.class.getPermittedSubclasses().length);
    }

    @Test
    void everyTicketEventTypeHasADescriptionAndANameForPeople() throws Exception {
        for (Class<?> type : TicketEvent.class.getPermittedSubclasses()) {
            assertThat(EventDescriptions.DESCRIBED_TICKET_REVISIONS.get(type))
                    .as("%s @Revision %s: look at its description, then update DESCRIBED_TICKET_REVISIONS",
                            type.getSimpleName(), EventDescriptions.revisionOf(type))
                    .isEqualTo(EventDescriptions.revisionOf(type));
            assertThat(EventDescriptions.TICKET_TYPE_LABELS).containsKey(type.getSimpleName());
            for (Object[] args : samples(type)) {
                TicketEvent event = (TicketEvent) type.getDeclaredConstructor(
                        Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                                .toArray(Class[]::new)).newInstance(args);
                assertThat(EventDescriptions.describe(type.getSimpleName(), JSON.writeValueAsString(event)))
                        .as("%s", event).isNotBlank().doesNotContain("null").doesNotContain("无法解读");
            }
        }
        assertThat(EventDescriptions.TICKET_TYPE_LABELS).hasSameSizeAs(TicketEvent.class.getPermittedSubclasses());
    }

    @Test
    void aTicketsEventsReadAsAnOfficeWouldWriteThem() {
        LocalDate on = LocalDate.of(2024, 9, 27);
        assertThat(EventDescriptions.describe(new TicketRaised("t", "p", "gaoxin", TicketCategory.LAND,
                "净地未交付", on))).isEqualTo("用地问题：净地未交付");
        assertThat(EventDescriptions.describe(new TicketAssigned("t", "dept10", on, 5, LocalDate.of(2024, 10, 10),
                false, null))).isEqualTo("交办" + Departments.nameOf("dept10") + "，5 个工作日内答复（2024-10-10 前）");
        assertThat(EventDescriptions.describe(new TicketAssigned("t", "dept10", LocalDate.of(2030, 3, 6), 5,
                LocalDate.of(2030, 3, 13), true, "职能调整"))).endsWith("按周一至周五计；改交办：职能调整");
        assertThat(EventDescriptions.describe(new TicketEscalated("t", on, EscalationLevel.MEETING, "跨部门")))
                .isEqualTo("专题会议协调：跨部门");
        assertThat(EventDescriptions.describe(new TicketClosed("t", on, "已解决"))).isEqualTo("销号：已解决");
    }

    @Test
    void theExamplesReadAsAnOfficialWouldWriteThem() {
        LocalDate on = LocalDate.of(2024, 6, 1);
        assertThat(EventDescriptions.describe(new FundsArrived("p", 2, on, SourceRegion.OUT_OF_PROVINCE,
                Amount.cny(new BigDecimal("1200"))))).isEqualTo("第 2 笔，省外，1,200 万元");
        assertThat(EventDescriptions.describe(new FundsArrived("p", 1, on, SourceRegion.FOREIGN,
                Amount.usd(new BigDecimal("500.00"))))).isEqualTo("第 1 笔，境外，500 万美元");
        assertThat(EventDescriptions.describe(new ProjectStored("p", on, new BigDecimal("35000"))))
                .isEqualTo("计划总投资 35,000 万元");
    }

    @Test
    void aCorrectionOfAttributesReadsOldToNewForWhatChangedOnly() {
        assertThat(EventDescriptions.describe(new AttributesCorrected("p", ATTRIBUTES, OTHER_ATTRIBUTES, "核实")))
                .isEqualTo("更正项目信息：项目名称 光谷智能装备产业园 → 光谷智能装备产业园二期；投资方 武汉某公司 → 武汉某集团；"
                        + "所属乡镇 高新区 → 陈贵镇；产业链 智能装备制造 → 新材料；工业项目 是 → 否；投资方来源 省外 → 境外；"
                        + "合同金额 12,000 万元 → 1,234.5 万元；计划总投资 未填 → 30,000 万元；项目类型 无 → 二次招商、技改；"
                        + "投资方类别 无 → 上市公司");
        ProjectAttributes moved = new ProjectAttributes("光谷智能装备产业园", "武汉某公司", "chengui", "smart-equipment",
                true, SourceRegion.OUT_OF_PROVINCE, new BigDecimal("12000.00"), null, Set.of(), Set.of());
        assertThat(EventDescriptions.describe(new AttributesCorrected("p", ATTRIBUTES, moved, "移交")))
                .as("12000 and 12000.00 are one amount").isEqualTo("更正项目信息：所属乡镇 高新区 → 陈贵镇");
    }

    @Test
    void aSigningShowsItsPlanTypesAndInvestorCategoriesWhenItHasThem() {
        ProjectSigned signed = new ProjectSigned("p", "铜箔项目", "某集团", "gaoxin", "new-materials", true,
                new BigDecimal("35000"), SourceRegion.IN_PROVINCE, LocalDate.of(2024, 5, 20), null, null,
                new BigDecimal("50000"), Set.of(ProjectType.TECHNICAL_UPGRADE, ProjectType.SECOND_ROUND),
                Set.of(InvestorCategory.GLOBAL_500));
        assertThat(EventDescriptions.describe(signed)).isEqualTo("合同金额 35,000 万元（3.50 亿元），投资方 某集团，工业项目，"
                + "来源省内，计划总投资 50,000 万元，项目类型 二次招商、技改，投资方类别 世界500强");
    }

    @Test
    void aRevisionTwoSigningOfTheReadModelStillReads() {
        assertThat(EventDescriptions.describe("ProjectSigned", "{\"projectId\":\"p\",\"name\":\"铜箔\","
                + "\"investor\":\"某集团\",\"township\":\"gaoxin\",\"industryChain\":\"new-materials\","
                + "\"industrial\":false,\"contractAmountWan\":8000,\"sourceRegion\":\"FOREIGN\","
                + "\"signedOn\":\"2024-05-20\",\"introducedBy\":null,\"introducedByText\":null}"))
                .isEqualTo("合同金额 8,000 万元（0.80 亿元），投资方 某集团，非工业项目，来源境外");
    }

    @Test
    void aRevisionOneRowOfTheReadModelStillShowsItsAmount() {
        assertThat(EventDescriptions.describe("FundsArrived", "{\"projectId\":\"p\",\"arrivalNo\":3,"
                + "\"arrivedOn\":\"2024-06-01\",\"source\":\"FOREIGN\",\"amountWan\":null,\"amountUsdWan\":80.25}"))
                .isEqualTo("第 3 笔，境外，80.25 万美元");
    }

    @Test
    void aRegistrationSaysWhenTheCompanyIsExportOrientedAndARevisionOneRowStillReads() {
        assertThat(EventDescriptions.describe(new CompanyRegistered("p", LocalDate.of(2024, 6, 1), "大冶外贸公司",
                "91420281MA4F000001", true, true)))
                .isEqualTo("大冶外贸公司，统一社会信用代码 91420281MA4F000001，外资企业，外向型市场主体");
        assertThat(EventDescriptions.describe("CompanyRegistered", "{\"projectId\":\"p\",\"registeredOn\":"
                + "\"2024-06-01\",\"companyName\":\"大冶公司\",\"creditCode\":\"91420281MA4F000001\","
                + "\"foreignInvested\":false}")).isEqualTo("大冶公司，统一社会信用代码 91420281MA4F000001");
    }

    @Test
    void anAmountThatIsMissingSaysSo() {
        assertThat(EventDescriptions.describe(new FundsArrived("p", 1, LocalDate.of(2024, 6, 1),
                SourceRegion.IN_PROVINCE, (Amount) null))).isEqualTo("第 1 笔，省内，（金额缺失）");
    }

    /** Argument lists for one record type: a base, then each enum constant, boolean and currency in turn. */
    private static List<Object[]> samples(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        List<Object[]> samples = new ArrayList<>();
        Object[] base = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            base[i] = first(components[i].getGenericType());
        }
        samples.add(base);
        for (int i = 0; i < components.length; i++) {
            for (Object value : all(components[i].getGenericType())) {
                Object[] variant = base.clone();
                variant[i] = value;
                samples.add(variant);
            }
        }
        return samples;
    }

    private static Object first(Type type) {
        return all(type).get(0);
    }

    private static List<Object> all(Type generic) {
        if (generic instanceof ParameterizedType set && set.getRawType() == Set.class) {
            Class<?> flag = (Class<?>) set.getActualTypeArguments()[0];
            return List.of(Set.of(), Set.of((Object[]) flag.getEnumConstants()));
        }
        if (generic instanceof ParameterizedType list && list.getRawType() == List.class) {
            // the units a lead's signing is credited to: none, or a township and a department
            return List.of(List.of(), List.of("gaoxin", "dept38"));
        }
        Class<?> type = (Class<?>) generic;
        if (type == ProjectAttributes.class) {
            return List.of(ATTRIBUTES, OTHER_ATTRIBUTES);
        }
        if (type == EvidenceFile.class) {
            return List.of(PHOTO, new EvidenceFile("合同.pdf", "application/pdf", 512, "ab".repeat(32),
                    EvidenceKind.CONTRACT, null, null, null));
        }
        if (type == String.class) {
            return List.of("示例");
        }
        if (type == LocalDate.class) {
            return List.of(LocalDate.of(2024, 6, 1));
        }
        if (type == BigDecimal.class) {
            return List.of(MONEY);
        }
        if (type == Amount.class) {
            return List.of(Amount.cny(MONEY), Amount.usd(MONEY));
        }
        if (type == long.class) {
            return List.of(2_500_000L);
        }
        if (type == int.class || type == Integer.class) {
            return List.of(2);
        }
        if (type == boolean.class || type == Boolean.class) {
            return List.of(true, false);
        }
        if (type.isEnum()) {
            return List.of((Object[]) type.getEnumConstants());
        }
        throw new AssertionError("no sample for a component of type " + type + ": add one here");
    }
}
