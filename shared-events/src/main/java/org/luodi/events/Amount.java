package org.luodi.events;

import java.math.BigDecimal;

/**
 * An amount of money in 万 (ten thousand) of its currency: 万元 for {@link CurrencyCode#CNY}, 万美元 for
 * {@link CurrencyCode#USD}. The currency travels with the number, so a sum can only add like to like.
 */
public record Amount(BigDecimal wan, CurrencyCode currency) {

    public static Amount cny(BigDecimal wan) {
        return new Amount(wan, CurrencyCode.CNY);
    }

    public static Amount usd(BigDecimal wan) {
        return new Amount(wan, CurrencyCode.USD);
    }
}
