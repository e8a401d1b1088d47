package org.luodi.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.luodi.events.CreditCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A simulated 2024 of 大冶: about 150 projects over the 13 townships in proportion to their signing targets, with
 * realistic amounts and milestones, some stalled past six months, a few terminated. Every project is recorded by
 * its own township's clerk through the real command API, each command with an Idempotency-Key, so loading twice
 * writes nothing new. Seeded, so every run tells the same story.
 */
public final class DemoData {
    private static final LocalDate YEAR_END = LocalDate.of(2024, 12, 31);
    private static final String[] INDUSTRIAL_CHAINS =
            {"smart-equipment", "new-materials", "electronics", "life-health", "textiles", "green-tech"};
    private static final String[] OTHER_CHAINS =
            {"airport-economy", "modern-services", "modern-agriculture", "culture-tourism"};
    private static final String[] PRODUCTS = {"高端铜箔", "智能装备", "新能源电池材料", "精密模具", "医疗器械",
            "电子元器件", "绿色建材", "特种钢材", "光电显示", "纺织服装", "节能环保设备", "冷链物流", "文旅综合体",
            "生态农业", "电商物流园", "锂电隔膜", "汽车零部件", "铜基新材料"};
    private static final String[] INVESTOR_PLACES = {"武汉", "深圳", "上海", "杭州", "苏州", "黄石", "广州", "宁波",
            "长沙", "香港"};
    private static final String[] INVESTOR_KINDS = {"科技有限公司", "集团有限公司", "实业有限公司", "新材料股份有限公司",
            "投资控股有限公司"};

    private final String commandUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Random random = new Random(2024);
    private int written;

    public DemoData(String commandUrl) {
        this.commandUrl = commandUrl;
    }

    /** Records the whole year; returns how many commands the API accepted (replays included). */
    public int load() throws IOException, InterruptedException {
        int projectNo = 0;
        for (Map.Entry<String, Integer> township : projectsPerTownship().entrySet()) {
            for (int i = 0; i < township.getValue(); i++) {
                recordProject(township.getKey(), projectNo++);
            }
        }
        return written;
    }

    /** About 150 projects, split like the townships' 2024 signing targets (附件1). */
    static Map<String, Integer> projectsPerTownship() {
        Map<String, Integer> targets = new LinkedHashMap<>();
        try (var in = new BufferedReader(new InputStreamReader(
                DemoData.class.getClassLoader().getResourceAsStream("reference/targets-daye-2024.csv"),
                StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",", -1);
                targets.put(cells[0], Integer.parseInt(cells[1]));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int total = targets.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Integer> projects = new LinkedHashMap<>();
        targets.forEach((code, target) -> projects.put(code, Math.max(2, Math.round(target * 150f / total))));
        return projects;
    }

    private void recordProject(String township, int no) throws IOException, InterruptedException {
        String id = UUID.nameUUIDFromBytes(("luodi-demo-" + no).getBytes(StandardCharsets.UTF_8)).toString();
        boolean industrial = random.nextInt(100) < 75;
        String chain = industrial ? pick(INDUSTRIAL_CHAINS) : pick(OTHER_CHAINS);
        LocalDate signedOn = LocalDate.of(2024, 1, 5).plusDays(random.nextInt(330));
        long amountWan = random.nextInt(100) < 85 ? 10_000 + 2_000L * random.nextInt(60) : 3_000 + 500L * random.nextInt(13);
        String source = random.nextInt(100) < 70 ? "OUT_OF_PROVINCE" : random.nextInt(10) < 8 ? "IN_PROVINCE" : "FOREIGN";
        String product = pick(PRODUCTS);

        Map<String, Object> signing = new LinkedHashMap<>();
        signing.put("projectId", id);
        signing.put("name", "年产" + (1 + random.nextInt(20)) + "万吨" + product + "项目");
        signing.put("investor", pick(INVESTOR_PLACES) + product.substring(0, 2) + pick(INVESTOR_KINDS));
        signing.put("township", township);
        signing.put("industryChain", chain);
        signing.put("industrial", industrial);
        signing.put("contractAmountWan", amountWan);
        signing.put("sourceRegion", source);
        signing.put("signedOn", signedOn.toString());
        post(township, "/api/projects", signing, id + "-sign");

        int fate = random.nextInt(100);
        if (fate < 4) {
            post(township, "/api/projects/" + id + "/termination", Map.of("terminatedOn",
                    cap(signedOn.plusMonths(3)).toString(), "reason", "投资方资金链断裂，双方协商解约"), id + "-terminate");
            return;
        }
        if (random.nextInt(100) < 70) {
            post(township, "/api/projects/" + id + "/registration", Map.of(
                    "registeredOn", cap(signedOn.plusDays(10 + random.nextInt(40))).toString(),
                    "companyName", "大冶" + product + "有限公司", "creditCode", creditCode(no),
                    "foreignInvested", source.equals("FOREIGN")), id + "-register");
        }
        boolean stalled = fate < 22;
        if (stalled) {
            return;
        }
        LocalDate startedOn = signedOn.plusDays(15 + random.nextInt(120));
        if (startedOn.isAfter(YEAR_END)) {
            return;
        }
        post(township, "/api/projects/" + id + "/start", Map.of("startedOn", startedOn.toString(),
                "kind", random.nextInt(10) < 8 ? "NEW" : "RESUMED"), id + "-start");
        LocalDate storedOn = startedOn.plusDays(20 + random.nextInt(90));
        if (random.nextInt(100) < 75 && !storedOn.isAfter(YEAR_END)) {
            post(township, "/api/projects/" + id + "/storage", Map.of("storedOn", storedOn.toString(),
                    "plannedInvestmentWan", amountWan * (60 + random.nextInt(40)) / 100), id + "-store");
        }
        LocalDate productionOn = startedOn.plusDays(90 + random.nextInt(200));
        if (random.nextInt(100) < 35 && !productionOn.isAfter(YEAR_END)) {
            post(township, "/api/projects/" + id + "/production", Map.of("productionOn", productionOn.toString()),
                    id + "-produce");
        }
        int arrivals = 1 + random.nextInt(3);
        for (int a = 0; a < arrivals; a++) {
            LocalDate arrivedOn = startedOn.plusDays(random.nextInt(150));
            if (arrivedOn.isAfter(YEAR_END)) {
                continue;
            }
            Map<String, Object> funds = new LinkedHashMap<>();
            funds.put("arrivedOn", arrivedOn.toString());
            funds.put("source", source);
            funds.put(source.equals("FOREIGN") ? "amountUsdWan" : "amountWan",
                    source.equals("FOREIGN") ? 20 + random.nextInt(200) : amountWan * (10 + random.nextInt(30)) / 100);
            post(township, "/api/projects/" + id + "/funds", funds, id + "-funds-" + a);
        }
    }

    private static LocalDate cap(LocalDate date) {
        return date.isAfter(YEAR_END) ? YEAR_END : date;
    }

    /** A valid 统一社会信用代码 (GB 32100-2015) with 大冶's region code 420281. */
    private static String creditCode(int no) {
        String first17 = "91420281MA" + String.format("%07d", 4_000_000 + no * 37);
        return first17 + CreditCode.checkCharacter(first17);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private void post(String clerk, String path, Object body, String idempotencyKey)
            throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((clerk + ":" + clerk).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(commandUrl + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + credentials)
                .header("Idempotency-Key", "demo-" + idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("demo command " + path + " refused: " + response.statusCode() + " "
                    + response.body());
        }
        written++;
    }

}
