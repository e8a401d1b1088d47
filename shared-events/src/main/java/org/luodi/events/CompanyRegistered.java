package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** 注册: the project company is registered, with its 统一社会信用代码. */
@Revision("1")
public record CompanyRegistered(String projectId, LocalDate registeredOn, String companyName, String creditCode,
                                boolean foreignInvested) implements ProjectEvent {
    @Override
    public LocalDate occurredOn() {
        return registeredOn;
    }
}
