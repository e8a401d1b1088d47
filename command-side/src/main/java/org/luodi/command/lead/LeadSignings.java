package org.luodi.command.lead;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Signing a lead (转化): called by the project's signing, in its unit of work, so that the project's
 * {@code ProjectSigned} and the lead's {@code LeadSigned} are stored together or not at all. Answers the units the
 * signing is credited to.
 */
public interface LeadSignings {

    List<String> sign(String leadId, String projectId, String township, LocalDate signedOn,
                      BigDecimal contractAmountWan);
}
