package org.luodi.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.luodi.events.Sha256;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;

import java.time.Duration;

/**
 * HTTP Basic sends the password with every request, and a BCrypt check costs tens of milliseconds of CPU. This
 * provider checks BCrypt once, then remembers a SHA-256 digest of the verified username and password for a few
 * minutes (never the password itself), so that a busy clerk's page does not queue behind password hashing.
 */
public class VerifiedPasswordCache implements AuthenticationProvider {
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private final DaoAuthenticationProvider delegate;
    private final Cache<String, Authentication> verified = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .expireAfterWrite(TTL)
            .build();

    public VerifiedPasswordCache(DaoAuthenticationProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String key = Sha256.hex(request.getName() + '\0' + request.getCredentials());
        Authentication hit = verified.getIfPresent(key);
        if (hit != null) {
            return hit;
        }
        Authentication result = delegate.authenticate(request);
        verified.put(key, result);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
