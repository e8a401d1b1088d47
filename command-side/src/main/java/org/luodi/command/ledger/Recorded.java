package org.luodi.command.ledger;

import org.luodi.events.AttributesCorrected;
import org.luodi.events.CompanyRegistered;
import org.luodi.events.ConstructionStarted;
import org.luodi.events.CreditCorrected;
import org.luodi.events.FundsArrived;
import org.luodi.events.MilestoneCorrected;
import org.luodi.events.MilestoneRetracted;
import org.luodi.events.ProductionStarted;
import org.luodi.events.ProjectAttributes;
import org.luodi.events.ProjectSigned;
import org.luodi.events.ProjectStored;
import org.luodi.events.ProjectTerminated;
import org.luodi.events.ProjectVoided;
import org.luodi.events.SourceRegion;
import org.luodi.events.StartKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a project already holds, folded from its events as the aggregate folds them (corrections and retractions
 * applied), so that a ledger row can be compared with it: what is new, what is the same, what contradicts.
 */
final class Recorded {
    ProjectAttributes attributes;
    String introducedBy;
    LocalDate signedOn;
    LocalDate registeredOn;
    String companyName;
    String creditCode;
    Boolean foreignInvested;
    LocalDate startedOn;
    StartKind startKind;
    LocalDate storedOn;
    BigDecimal storedPlanned;
    LocalDate productionOn;
    LocalDate terminatedOn;
    String terminationReason;
    boolean voided;
    final Map<Integer, Arrival> arrivals = new LinkedHashMap<>();

    record Arrival(LocalDate on, SourceRegion source, BigDecimal amount, boolean usd) {
    }

    static Recorded of(List<Object> events) {
        Recorded r = new Recorded();
        events.forEach(r::apply);
        return r;
    }

    List<Arrival> arrivals() {
        return new ArrayList<>(arrivals.values());
    }

    private void apply(Object event) {
        if (event instanceof ProjectSigned e) {
            attributes = e.attributes();
            introducedBy = e.introducedBy();
            signedOn = e.signedOn();
        } else if (event instanceof CompanyRegistered e) {
            registeredOn = e.registeredOn();
            companyName = e.companyName();
            creditCode = e.creditCode();
            foreignInvested = e.foreignInvested();
        } else if (event instanceof ConstructionStarted e) {
            startedOn = e.startedOn();
            startKind = e.kind();
        } else if (event instanceof ProjectStored e) {
            storedOn = e.storedOn();
            storedPlanned = e.plannedInvestmentWan();
        } else if (event instanceof ProductionStarted e) {
            productionOn = e.productionOn();
        } else if (event instanceof ProjectTerminated e) {
            terminatedOn = e.terminatedOn();
            terminationReason = e.reason();
        } else if (event instanceof FundsArrived e) {
            arrivals.put(e.arrivalNo(), new Arrival(e.arrivedOn(), e.source(),
                    e.amount() == null ? null : e.amount().wan(), e.amountUsdWan() != null));
        } else if (event instanceof ProjectVoided) {
            voided = true;
        } else if (event instanceof CreditCorrected e) {
            introducedBy = e.department();
        } else if (event instanceof AttributesCorrected e) {
            attributes = e.after();
        } else if (event instanceof MilestoneCorrected e) {
            corrected(e);
        } else if (event instanceof MilestoneRetracted e) {
            retracted(e);
        }
    }

    private void corrected(MilestoneCorrected e) {
        switch (e.milestone()) {
            case SIGNING -> {
                if (e.date() != null) {
                    signedOn = e.date();
                }
                if (e.amountWan() != null) {
                    attributes = attributes.withContractAmountWan(e.amountWan());
                }
            }
            case REGISTRATION -> registeredOn = e.date() != null ? e.date() : registeredOn;
            case START -> startedOn = e.date() != null ? e.date() : startedOn;
            case STORAGE -> {
                storedOn = e.date() != null ? e.date() : storedOn;
                storedPlanned = e.amountWan() != null ? e.amountWan() : storedPlanned;
            }
            case PRODUCTION -> productionOn = e.date() != null ? e.date() : productionOn;
            case TERMINATION -> terminatedOn = e.date() != null ? e.date() : terminatedOn;
            case FUNDS -> {
                Arrival a = arrivals.get(e.arrivalNo());
                if (a != null) {
                    BigDecimal amount = e.amountWan() != null ? e.amountWan()
                            : e.amountUsdWan() != null ? e.amountUsdWan() : a.amount();
                    arrivals.put(e.arrivalNo(), new Arrival(e.date() != null ? e.date() : a.on(), a.source(), amount,
                            a.usd()));
                }
            }
        }
    }

    private void retracted(MilestoneRetracted e) {
        switch (e.milestone()) {
            case REGISTRATION -> {
                registeredOn = null;
                companyName = null;
                creditCode = null;
                foreignInvested = null;
            }
            case START -> {
                startedOn = null;
                startKind = null;
            }
            case STORAGE -> {
                storedOn = null;
                storedPlanned = null;
            }
            case PRODUCTION -> productionOn = null;
            case TERMINATION -> {
                terminatedOn = null;
                terminationReason = null;
            }
            case FUNDS -> arrivals.remove(e.arrivalNo());
            default -> {
                // signing is never retracted
            }
        }
    }
}
