package org.luodi.launcher.demo;

import org.luodi.events.ReferenceCsv;
import org.luodi.events.SourceRegion;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.Random;

/**
 * What a project is, as signed: its name, investor, chain, amount and where the money comes from, drawn from
 * {@link Vocabulary} so that the product belongs to the chain it is filed under, its capacity is counted in the
 * product's unit and sized to the money, and the investor's city lies in the source region. The one place both the
 * demo year and the benchmark's national data set make projects from; the same {@link Random} state always gives the
 * same project.
 */
public record ProjectProfile(String name, String investor, String chain, boolean industrial,
                             BigDecimal contractAmountWan, SourceRegion sourceRegion, String companyName,
                             String introducedBy) {
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
        return new ProjectProfile(name, investor, product.chain(), product.industrial(), amountWan, region, company,
                introducer(name + investor));
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

    /** The chain codes in the order of the reference file. */
    public static List<String> chains() {
        return List.copyOf(CHAINS);
    }

    /** A reference file of shared-events as rows of cells, its header left out (the bench reads them too). */
    public static List<String[]> csv(String resource) {
        return ReferenceCsv.read(resource).rows();
    }
}
