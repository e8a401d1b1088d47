package org.luodi.command.project;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.luodi.command.project.ProjectCommands.RegisterCompany;
import org.luodi.events.CompanyRegistered;

import java.time.LocalDate;

import static org.luodi.command.project.Given.CHENGUI_CLERK;
import static org.luodi.command.project.Given.GAOXIN_CLERK;
import static org.luodi.command.project.Given.ID;
import static org.luodi.command.project.Given.SIGNED_ON;
import static org.luodi.command.project.Given.SUPERVISOR;
import static org.luodi.command.project.Given.creditCode;
import static org.luodi.command.project.Given.signed;
import static org.luodi.command.Refusals.conflict;
import static org.luodi.command.Refusals.forbidden;
import static org.luodi.command.Refusals.invalid;

/** 注册: once, on or after signing, with a 统一社会信用代码 whose GB 32100-2015 check character is right. */
class RegistrationTest {
    private static final String CODE = creditCode("91420281MA4F0A0A0");
    private final AggregateTestFixture<InvestmentProject> fixture = Given.fixture();

    private static RegisterCompany register(LocalDate on, String code) {
        return new RegisterCompany(ID, on, " 大冶光谷智能装备有限公司 ", code, true, null);
    }

    @Test
    void registersOnTheDayOfSigning() {
        fixture.given(signed())
                .when(register(SIGNED_ON, CODE), GAOXIN_CLERK)
                .expectEvents(new CompanyRegistered(ID, SIGNED_ON, "大冶光谷智能装备有限公司", CODE, true, false));
    }

    @Test
    void recordsWhetherTheCompanyIsExportOrientedAndTakesAbsentForNo() {
        fixture.given(signed())
                .when(new RegisterCompany(ID, SIGNED_ON, "大冶外贸公司", CODE, false, true), GAOXIN_CLERK)
                .expectEvents(new CompanyRegistered(ID, SIGNED_ON, "大冶外贸公司", CODE, false, true));
    }

    @Test
    void cannotRegisterBeforeSigning() {
        fixture.given(signed())
                .when(register(SIGNED_ON.minusDays(1), CODE), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("registeredOn"));
    }

    @Test
    void registersOnlyOnce() {
        fixture.given(signed(), Given.registered(SIGNED_ON))
                .when(register(SIGNED_ON.plusDays(1), CODE), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("registeredOn", "已登记注册"));
    }

    @Test
    void aCreditCodeWithAWrongCheckCharacterIsRefused() {
        char wrong = CODE.charAt(17) == '0' ? '1' : '0';
        fixture.given(signed())
                .when(register(SIGNED_ON, CODE.substring(0, 17) + wrong), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("creditCode"));
    }

    @Test
    void aCreditCodeOfTheWrongLengthOrAlphabetIsRefused() {
        fixture.given(signed())
                .when(register(SIGNED_ON, CODE.substring(0, 17)), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("creditCode"));
        // O is not in the GB 32100 alphabet (it would be confused with 0)
        String withO = "91420281MA4F0A0AO";
        Given.fixture().given(signed())
                .when(register(SIGNED_ON, withO + "0"), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("creditCode"));
    }

    @Test
    void onlyTheProjectsOwnClerkRegisters() {
        fixture.given(signed())
                .when(register(SIGNED_ON, CODE), CHENGUI_CLERK)
                .expectNoEvents().expectException(forbidden());
        Given.fixture().given(signed())
                .when(register(SIGNED_ON, CODE), SUPERVISOR)
                .expectNoEvents().expectException(forbidden());
    }
}
