package org.luodi.events;

/** The currencies Luodi counts in (ISO 4217): 人民币 for domestic funds, 美元 for foreign capital (实际利用外资). */
public enum CurrencyCode {
    CNY, USD
}
