package org.luodi.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
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

    static LuodiUser fromJwt(Jwt jwt) {
        String username = jwt.hasClaim(usernameClaim) ? jwt.getClaimAsString(usernameClaim) : jwt.getSubject();
        Role role = Role.valueOf(jwt.getClaimAsString(roleClaim).toUpperCase());
        String township = role == Role.CLERK ? jwt.getClaimAsString(townshipClaim) : null;
        if (role == Role.CLERK && township == null) {
            throw new IllegalArgumentException("a clerk's token must name its township");
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
