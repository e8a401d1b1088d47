package org.luodi.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;

/**
 * OIDC mode: the identity provider's token carries the role and the township as claims
 * ({@code luodi.security.oidc.*-claim}); the username is {@code preferred_username}, else the subject.
 */
public final class JwtUsers {
    static String roleClaim = "role";
    static String townshipClaim = "township";
    static String usernameClaim = "preferred_username";

    private JwtUsers() {
    }

    /**
     * The user a token names. A token without a known role, a clerk's token without a township, or one without a
     * name is refused as an invalid token (401), never let through as a server error.
     */
    static LuodiUser fromJwt(Jwt jwt) {
        String username = jwt.hasClaim(usernameClaim) ? jwt.getClaimAsString(usernameClaim) : jwt.getSubject();
        String roleName = jwt.getClaimAsString(roleClaim);
        Role role = roleName == null ? null : java.util.Arrays.stream(Role.values())
                .filter(r -> r.name().equalsIgnoreCase(roleName.strip())).findFirst().orElse(null);
        if (role == null) {
            throw new InvalidBearerTokenException("the token names no known role");
        }
        String township = role == Role.CLERK ? jwt.getClaimAsString(townshipClaim) : null;
        if (role == Role.CLERK && (township == null || township.isBlank())) {
            throw new InvalidBearerTokenException("a clerk's token must name its township");
        }
        if (username == null || username.isBlank()) {
            throw new InvalidBearerTokenException("the token names no user");
        }
        return new LuodiUser(username, role, township);
    }

    static Converter<Jwt, AbstractAuthenticationToken> converter() {
        return jwt -> {
            LuodiUser user = fromJwt(jwt);
            return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority(user.role().authority())),
                    user.username());
        };
    }
}
