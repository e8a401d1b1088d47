package org.luodi.platform.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic sends the password with every request, and a BCrypt check costs tens of milliseconds of CPU. This
 * provider checks BCrypt once, then remembers a SHA-256 digest of the verified username and password for a few
 * minutes (never the password itself), so that a busy clerk's page does not queue behind password hashing.
 */
public class VerifiedPasswordCache implements AuthenticationProvider {
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private final DaoAuthenticationProvider delegate;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(Authentication authentication, long expiresAtNanos) {
    }

    public VerifiedPasswordCache(DaoAuthenticationProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String key = digest(request.getName() + '\0' + request.getCredentials());
        Verified hit = verified.get(key);
        if (hit != null && hit.expiresAtNanos() > System.nanoTime()) {
            return hit.authentication();
        }
        Authentication result = delegate.authenticate(request);
        if (verified.size() > MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(key, new Verified(result, System.nanoTime() + TTL.toNanos()));
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
