package org.luodi.query.warning;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One rule a project breaks on {@code asOf}: its colour, since when ({@code since}: the day it reached that colour)
 * and who follows it up; {@code leader} is the code of the city leader who 包保s the project (null: none); {@code detail} says in Chinese what was measured ("开工已满4个月，无资金到位、未入库").
 */
public record Warning(String projectId, String name, String township, String townshipName, String leader,
                      BigDecimal contractAmountWan,
                      LocalDate signedOn, WarningRule rule, String ruleLabel, Colour colour, String colourLabel,
                      LocalDate since, Escalation escalation, String escalationLabel, String detail) {
}
