package org.luodi.command.project;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.luodi.events.CompanyRegistered;
import org.luodi.events.ConstructionStarted;
import org.luodi.events.CreditCode;
import org.luodi.events.FundsArrived;
import org.luodi.events.ProjectSigned;
import org.luodi.events.ProjectStored;
import org.luodi.events.SourceRegion;
import org.luodi.events.StartKind;
import org.luodi.platform.reference.ReferenceData;
import org.luodi.platform.testing.MutableClock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * What every aggregate test stands on: "today" is {@link #TODAY} in Asia/Shanghai, the reference data is 大冶's,
 * and a gaoxin project signed on {@link #SIGNED_ON}. The people are command metadata, as CommandSender sends it.
 */
final class Given {
    static final LocalDate TODAY = LocalDate.of(2024, 12, 31);
    static final LocalDate SIGNED_ON = LocalDate.of(2024, 3, 15);
    static final String ID = "3f1c2a64-5b7e-4d8a-9c0f-1e2d3c4b5a69";

    static final Map<String, Object> GAOXIN_CLERK = Map.of("role", "CLERK", "township", "gaoxin", "actor", "gaoxin");
    static final Map<String, Object> CHENGUI_CLERK = Map.of("role", "CLERK", "township", "chengui", "actor", "chengui");
    static final Map<String, Object> SUPERVISOR = Map.of("role", "SUPERVISOR", "actor", "supervisor");
    static final Map<String, Object> ADMIN = Map.of("role", "ADMIN", "actor", "admin");

    /** Signings without a lead never ask; one with a lead here names none (the lead's rules: api.LeadConversionApiTest). */
    static final org.luodi.command.lead.LeadSignings NO_LEADS = (leadId, projectId, township, signedOn, amount) -> {
        throw new org.luodi.platform.problem.NotFoundException(org.luodi.platform.problem.NotFoundException.Kind.LEAD,
                leadId);
    };

    private Given() {
    }

    static AggregateTestFixture<InvestmentProject> fixture() {
        AggregateTestFixture<InvestmentProject> fixture = new AggregateTestFixture<>(InvestmentProject.class);
        fixture.registerInjectableResource(MutableClock.on(TODAY));
        fixture.registerInjectableResource(ReferenceData.daye());
        fixture.registerInjectableResource(Plausibility.DEFAULTS);
        fixture.registerInjectableResource(NO_LEADS);
        return fixture;
    }

    static ProjectSigned signed() {
        return new ProjectSigned(ID, "光谷智能装备产业园", "武汉某公司", "gaoxin", "smart-equipment", true,
                new BigDecimal("12000.50"), SourceRegion.OUT_OF_PROVINCE, SIGNED_ON, null, null);
    }

    static CompanyRegistered registered(LocalDate on) {
        return new CompanyRegistered(ID, on, "大冶光谷智能装备有限公司", creditCode("91420281MA4F0A0A0"), false, false);
    }

    static ConstructionStarted started(LocalDate on) {
        return new ConstructionStarted(ID, on, StartKind.NEW);
    }

    static ProjectStored stored(LocalDate on) {
        return new ProjectStored(ID, on, new BigDecimal("15000"));
    }

    static FundsArrived domesticFunds(int arrivalNo, LocalDate on) {
        return new FundsArrived(ID, arrivalNo, on, SourceRegion.IN_PROVINCE, new BigDecimal("500"), null);
    }

    static FundsArrived foreignFunds(int arrivalNo, LocalDate on) {
        return new FundsArrived(ID, arrivalNo, on, SourceRegion.FOREIGN, null, new BigDecimal("80"));
    }

    /** A valid 统一社会信用代码: the 17 given characters and their GB 32100-2015 check character. */
    static String creditCode(String first17) {
        return first17 + CreditCode.checkCharacter(first17);
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
