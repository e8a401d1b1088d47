package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * 注册: the project company is registered, with its 统一社会信用代码; whether it is a 外资企业, and whether it is a
 * 外向型市场主体 ({@code exportOriented}: an enterprise that trades across the border, 对外贸易经营者备案 or 海关登记,
 * docs/contract.md §3). {@code exportOriented} is null in revision-1 events, recorded before anyone was asked.
 */
@Revision("2")
public record CompanyRegistered(String projectId, LocalDate registeredOn, String companyName, String creditCode,
                                boolean foreignInvested, Boolean exportOriented) implements ProjectEvent {
    @Override
    public LocalDate occurredOn() {
        return registeredOn;
    }
}
