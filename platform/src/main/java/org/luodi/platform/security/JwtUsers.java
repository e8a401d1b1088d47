package org.luodi.platform.security;

import org.luodi.events.Departments;
import org.luodi.events.Leaders;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Arrays;
import java.util.List;

/**
 * OIDC mode: the identity provider's token carries the role and the township (or the department) as claims
 * ({@code luodi.security.oidc.*-claim}); the username is {@code preferred_username}, else the subject.
 */
public record JwtUsers(String roleClaim, String townshipClaim, String usernameClaim, String departmentClaim) {
    /** A city leader's token names the leader's code (reference/leaders-daye.csv) in this claim. */
    static final String LEADER_CLAIM = "leader";

    /** The claims the configuration names, each defaulting to the usual one. */
    public static JwtUsers of(SecurityProperties.Oidc oidc) {
        return new JwtUsers(orDefault(oidc.roleClaim(), "role"), orDefault(oidc.townshipClaim(), "township"),
                orDefault(oidc.usernameClaim(), "preferred_username"), orDefault(oidc.departmentClaim(), "department"));
    }

    /**
     * The user a token names. A token without a known role, a clerk's token without a township, or one without a
     * name is refused as an invalid token (401), never let through as a server error.
     */
    LuodiUser fromJwt(Jwt jwt) {
        String username = jwt.hasClaim(usernameClaim) ? jwt.getClaimAsString(usernameClaim) : jwt.getSubject();
        String roleName = jwt.getClaimAsString(roleClaim);
        Role role = roleName == null ? null : Arrays.stream(Role.values())
                .filter(r -> r.name().equalsIgnoreCase(roleName.strip())).findFirst().orElse(null);
        if (role == null) {
            throw new InvalidBearerTokenException("the token names no known role");
        }
        String unit = role == Role.CLERK ? jwt.getClaimAsString(townshipClaim)
                : role == Role.DEPARTMENT ? jwt.getClaimAsString(departmentClaim)
                : role == Role.LEADER ? jwt.getClaimAsString(LEADER_CLAIM) : null;
        if (role == Role.CLERK && (unit == null || unit.isBlank())) {
            throw new InvalidBearerTokenException("a clerk's token must name its township");
        }
        if (role == Role.DEPARTMENT && !Departments.isDepartment(unit)) {
            throw new InvalidBearerTokenException("a department's token must name a known department");
        }
        if (role == Role.LEADER && !Leaders.isLeader(unit)) {
            throw new InvalidBearerTokenException("a leader's token must name a known leader (claim leader)");
        }
        if (username == null || username.isBlank()) {
            throw new InvalidBearerTokenException("the token names no user");
        }
        return new LuodiUser(username, role, unit);
    }

    Converter<Jwt, AbstractAuthenticationToken> converter() {
        return jwt -> new Authenticated(jwt, fromJwt(jwt));
    }

    /** A verified token and the user read from it once, when it was verified. */
    static final class Authenticated extends JwtAuthenticationToken {
        private final LuodiUser user;

        Authenticated(Jwt jwt, LuodiUser user) {
            super(jwt, List.of(new SimpleGrantedAuthority(user.role().authority())), user.username());
            this.user = user;
        }

        LuodiUser user() {
            return user;
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
