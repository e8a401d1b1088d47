package org.luodi.launcher.demo;

import org.luodi.events.InvestorCategory;
import org.luodi.events.ProjectType;
import org.luodi.events.ReferenceCsv;
import org.luodi.events.SourceRegion;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Collections;
import java.util.Random;
import java.util.Set;

/**
 * What a project is, as signed: its name, investor, chain, amount and where the money comes from, drawn from
 * {@link Vocabulary} so that the product belongs to the chain it is filed under, its capacity is counted in the
 * product's unit and sized to the money, and the investor's city lies in the source region. The one place both the
 * demo year and the benchmark's national data set make projects from; the same {@link Random} state always gives the
 * same project, with its planned investment at signing, its types and its investor's categories (#17).
 */
public record ProjectProfile(String name, String investor, String chain, boolean industrial,
                             BigDecimal contractAmountWan, SourceRegion sourceRegion, String companyName,
                             String introducedBy, BigDecimal plannedAtSigningWan, Set<ProjectType> types,
                             Set<InvestorCategory> investorCategories) {
    private static final List<String> CHAINS = new ArrayList<>();
    private static final int[] CHAIN_WEIGHTS;
    private static final int CHAIN_TOTAL;
    private static final List<List<Vocabulary.Product>> PRODUCTS_OF_CHAIN = new ArrayList<>();
    /** Per source region, each city repeated by its weight: one draw picks a city (the national data set draws millions). */
    private static final Vocabulary.City[][] CITIES_BY_WEIGHT = new Vocabulary.City[SourceRegion.values().length][];

    /** Each department's code repeated by its 2024 signing target (at least once): who introduces how much. */
    private static final String[] DEPARTMENTS_BY_WEIGHT = csv("reference/department-targets-daye-2024.csv").stream()
            .flatMap(row -> Collections.nCopies(row[1].isBlank() ? 1 : Integer.parseInt(row[1]), row[0]).stream())
            .toArray(String[]::new);

    static {
        List<int[]> weights = new ArrayList<>();
        for (String[] row : csv("reference/industry-chains-daye.csv")) {
            List<Vocabulary.Product> products = Vocabulary.PRODUCTS.stream().filter(p -> p.chain().equals(row[0])).toList();
            if (products.isEmpty()) {
                throw new IllegalStateException("no products for the chain " + row[0]);
            }
            CHAINS.add(row[0]);
            PRODUCTS_OF_CHAIN.add(products);
            weights.add(new int[]{Integer.parseInt(row[2])});
        }
        CHAIN_WEIGHTS = weights.stream().mapToInt(w -> w[0]).toArray();
        CHAIN_TOTAL = weights.stream().mapToInt(w -> w[0]).sum();
        for (SourceRegion region : SourceRegion.values()) {
            CITIES_BY_WEIGHT[region.ordinal()] = Vocabulary.CITIES.stream().filter(c -> c.region() == region)
                    .flatMap(c -> Collections.nCopies(c.weight(), c).stream())
                    .toArray(Vocabulary.City[]::new);
        }
    }

    /**
     * A project of a county: chains as often as 大冶's signing targets ask for them; nearly two in three investors from
     * outside 湖北, a third from inside, a few from abroad; most contracts 1–10 亿元, some under 1 亿, a tenth 10–50 亿
     * and a few 50–120 亿.
     */
    public static ProjectProfile draw(Random r) {
        int c = r.nextInt(CHAIN_TOTAL);
        int chainIndex = 0;
        while (c >= CHAIN_WEIGHTS[chainIndex]) {
            c -= CHAIN_WEIGHTS[chainIndex++];
        }
        List<Vocabulary.Product> products = PRODUCTS_OF_CHAIN.get(chainIndex);
        Vocabulary.Product product = products.get(r.nextInt(products.size()));

        int s = r.nextInt(100);
        SourceRegion region = s < 64 ? SourceRegion.OUT_OF_PROVINCE : s < 96 ? SourceRegion.IN_PROVINCE
                : SourceRegion.FOREIGN;
        Vocabulary.City city = city(r, region);

        BigDecimal amountWan = amountWan(r);
        String name = product.template().replace("{n}", capacity(amountWan, product));
        String investor = city.name() + product.stem() + (region == SourceRegion.FOREIGN
                ? Vocabulary.FOREIGN_KINDS.get(r.nextInt(Vocabulary.FOREIGN_KINDS.size()))
                : Vocabulary.DOMESTIC_KINDS.get(r.nextInt(Vocabulary.DOMESTIC_KINDS.size())));
        String company = "大冶" + product.stem() + (r.nextBoolean() ? "科技有限公司" : "有限公司");
        Random own = new Random((name + investor).hashCode() * 31L + 17);
        return new ProjectProfile(name, investor, product.chain(), product.industrial(), amountWan, region, company,
                introducer(name + investor), plannedAtSigning(own, amountWan), types(own, region, product.industrial()),
                investorCategories(own, region));
    }

    /*
     * The #17 attributes below are drawn from a Random of the project's own words (as the introducer is), so that
     * every draw of r, and with it every project of the demo year and the national data set, stays what it was.
     */

    /** 计划总投资 as stated at signing: nine contracts in ten state it, at 60–100 % of the contract, to 100 万. */
    private static BigDecimal plannedAtSigning(Random own, BigDecimal contractWan) {
        if (own.nextInt(10) == 0) {
            return null;
        }
        BigDecimal planned = contractWan.multiply(BigDecimal.valueOf(60 + own.nextInt(41))).movePointLeft(2);
        return planned.divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(100));
    }

    /**
     * The project's types, as often as 大冶's plan asks for them: 技改 and 增资扩建 by companies already in 湖北 (seed 001
     * wants at least 20 of them in a year of about 150 signings), 二次招商 of idle plants, 商会回归 by investors from
     * home (25 a year, seed 000 line 60), 以商招商, a few 基金配套, 专精特新 among industrial projects. Most have none.
     */
    private static Set<ProjectType> types(Random own, SourceRegion region, boolean industrial) {
        Set<ProjectType> types = EnumSet.noneOf(ProjectType.class);
        if (region == SourceRegion.IN_PROVINCE && own.nextInt(100) < 45) {
            types.add(own.nextBoolean() ? ProjectType.TECHNICAL_UPGRADE : ProjectType.CAPITAL_EXPANSION);
        }
        if (own.nextInt(100) < 7) {
            types.add(ProjectType.SECOND_ROUND);
        }
        if (region != SourceRegion.FOREIGN && own.nextInt(100) < 15) {
            types.add(ProjectType.CHAMBER_RETURN);
        }
        if (own.nextInt(100) < 10) {
            types.add(ProjectType.REFERRED_BY_INVESTOR);
        }
        if (own.nextInt(100) < 3) {
            types.add(ProjectType.FUND_MATCHED);
        }
        if (industrial && own.nextInt(100) < 8) {
            types.add(ProjectType.SPECIALIZED_INNOVATIVE);
        }
        return types;
    }

    /** The investor's categories: most investors are none of them; 世界500强 come from abroad or are state-owned. */
    private static Set<InvestorCategory> investorCategories(Random own, SourceRegion region) {
        Set<InvestorCategory> categories = EnumSet.noneOf(InvestorCategory.class);
        if (own.nextInt(100) < (region == SourceRegion.FOREIGN ? 20 : 1)) {
            categories.add(InvestorCategory.GLOBAL_500);
        }
        if (region != SourceRegion.FOREIGN && own.nextInt(100) < 4) {
            categories.add(InvestorCategory.CHINA_500);
        }
        if (region != SourceRegion.FOREIGN && own.nextInt(100) < 7) {
            categories.add(InvestorCategory.PRIVATE_500);
        }
        if (own.nextInt(100) < 12) {
            categories.add(InvestorCategory.LISTED);
        }
        if (region != SourceRegion.FOREIGN && own.nextInt(100) < 5) {
            categories.add(InvestorCategory.STATE_OWNED);
        }
        if (own.nextInt(100) < 8) {
            categories.add(InvestorCategory.INDUSTRY_LEADER);
        }
        return categories;
    }

    /**
     * The department credited as 引荐单位: about five projects in six have one (附件2 asks 117 signings of the
     * departments, 附件1 138 of the townships), spread as the departments' targets are. Drawn from the project's own
     * words rather than from {@code r}, so that the draws of every other project stay as they were.
     */
    private static String introducer(String words) {
        Random own = new Random(words.hashCode());
        return own.nextInt(6) == 0 ? null : DEPARTMENTS_BY_WEIGHT[own.nextInt(DEPARTMENTS_BY_WEIGHT.length)];
    }

    /** In 万元, rounded as contracts are: to 100 万 below 10 亿, to 1 亿 above. */
    private static BigDecimal amountWan(Random r) {
        int band = r.nextInt(100);
        double yi;
        if (band < 8) {
            yi = 0.3 + 0.65 * r.nextDouble();
        } else if (band < 88) {
            yi = 1 + 9 * Math.pow(r.nextDouble(), 1.6);
        } else if (band < 97) {
            yi = 10 + 40 * Math.pow(r.nextDouble(), 2);
        } else {
            yi = 50 + 70 * r.nextDouble();
        }
        long wan = yi < 10 ? Math.round(yi * 100) * 100 : Math.round(yi) * 10_000;
        return BigDecimal.valueOf(wan);
    }

    private static Vocabulary.City city(Random r, SourceRegion region) {
        Vocabulary.City[] cities = CITIES_BY_WEIGHT[region.ordinal()];
        return cities[r.nextInt(cities.length)];
    }

    /** The capacity the money buys, two significant digits, in the product's unit (10,000 吨 and more as 万吨). */
    static String capacity(BigDecimal amountWan, Vocabulary.Product product) {
        double n = amountWan.doubleValue() / 10_000 * product.perYi();
        String unit = product.unit();
        if (unit.equals("吨") && n >= 10_000) {
            n /= 10_000;
            unit = "万吨";
        } else if ((unit.startsWith("万") || unit.startsWith("亿")) && n < 1) {
            n *= 10_000;
            unit = (unit.startsWith("亿") ? "万" : "") + unit.substring(1);
        }
        int exponent = (int) Math.floor(Math.log10(n));
        long digits = Math.round(n / Math.pow(10, exponent - 1));
        if (digits == 100) {
            digits = 10;
            exponent++;
        }
        return BigDecimal.valueOf(digits, 1 - exponent).stripTrailingZeros().toPlainString() + unit;
    }

    /** The chain's name in the reference file ("新材料"), or the code when none. */
    public static String chainName(String code) {
        return csv("reference/industry-chains-daye.csv").stream().filter(row -> row[0].equals(code))
                .map(row -> row[1]).findFirst().orElse(code);
    }

    /** The chain codes in the order of the reference file. */
    public static List<String> chains() {
        return List.copyOf(CHAINS);
    }

    /** A reference file of shared-events as rows of cells, its header left out (the bench reads them too). */
    public static List<String[]> csv(String resource) {
        return ReferenceCsv.read(resource).rows();
    }
}
