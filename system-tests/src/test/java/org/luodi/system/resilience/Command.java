package org.luodi.system.resilience;

import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;

/**
 * One command as a client sends it: a POST with its own Idempotency-Key, so that a retry after an unclear failure
 * (a dead instance, a lost database) either replays the first answer or runs the command for the first time, and
 * so that the event it produced can be found in the event store by that key.
 */
record Command(String key, String projectId, String name, String path, String body) {

    static final String TOWNSHIP = "gaoxin";
    static final String SIGNED_ON = "2024-01-10";

    static Command sign(String projectId) {
        return new Command(newKey(), projectId, "sign", "/api/projects", """
                {"projectId":"%s","name":"韧性测试项目 %s","investor":"大冶测试投资有限公司","township":"%s",
                 "industryChain":"new-materials","industrial":true,"contractAmountWan":35000,
                 "sourceRegion":"OUT_OF_PROVINCE","signedOn":"%s"}""".formatted(projectId, projectId.substring(0, 8),
                TOWNSHIP, SIGNED_ON));
    }

    /**
     * 到位资金: a domestic (万元, two decimals) or foreign (万美元) arrival on a date in 2024 after the signing. A load
     * sends hundreds to one project, soon far above 3× its contract: confirmed, so that the command side's
     * plausibility check (a 409 until confirmed) does not turn the load into refusals.
     */
    static Command funds(String projectId, Random random) {
        String arrivedOn = LocalDate.parse(SIGNED_ON).plusDays(random.nextInt(300)).toString();
        String amount = (1 + random.nextInt(5000)) + "." + String.format("%02d", random.nextInt(100));
        String[] sources = {"IN_PROVINCE", "OUT_OF_PROVINCE", "FOREIGN"};
        String source = sources[random.nextInt(sources.length)];
        String body = "{\"arrivedOn\":\"%s\",\"source\":\"%s\",\"%s\":%s,\"confirmImplausible\":true}".formatted(arrivedOn, source,
                source.equals("FOREIGN") ? "amountUsdWan" : "amountWan", amount);
        return new Command(newKey(), projectId, "funds", "/api/projects/" + projectId + "/funds", body);
    }

    static Command start(String projectId) {
        return new Command(newKey(), projectId, "start", "/api/projects/" + projectId + "/start",
                "{\"startedOn\":\"2024-02-01\",\"kind\":\"NEW\"}");
    }

    static Command storage(String projectId) {
        return new Command(newKey(), projectId, "storage", "/api/projects/" + projectId + "/storage",
                "{\"storedOn\":\"2024-03-01\",\"plannedInvestmentWan\":42000.5}");
    }

    static Command production(String projectId) {
        return new Command(newKey(), projectId, "production", "/api/projects/" + projectId + "/production",
                "{\"productionOn\":\"2024-06-01\"}");
    }

    /**
     * 更正项目信息 by the township's clerk: a new name, always a change, and a chain chosen at random, which half the
     * time moves the project and every arrival it has to the other chain.
     */
    static Command attributes(String projectId, Random random) {
        String chain = random.nextBoolean() ? "new-materials" : "smart-equipment";
        return new Command(newKey(), projectId, "attributes", "/api/projects/" + projectId + "/attributes", """
                {"name":"韧性测试项目 %s","industryChain":"%s","reason":"名称和产业链以合同为准"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8), chain));
    }

    /**
     * The next milestone a township would record, or a correction of what the project is, chosen at random: most
     * often nothing is left to record twice.
     */
    static Command milestone(String projectId, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> start(projectId);
            case 1 -> storage(projectId);
            case 2 -> attributes(projectId, random);
            default -> production(projectId);
        };
    }

    static String newProjectId() {
        return UUID.randomUUID().toString();
    }

    private static String newKey() {
        return "resilience-" + UUID.randomUUID();
    }
}
