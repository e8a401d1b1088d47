package org.luodi.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code luodi.security}: {@code mode} is {@code basic} (password accounts, HTTP Basic) or {@code oidc} (bearer
 * tokens from the identity provider set in {@code spring.security.oauth2.resourceserver.jwt.*}).
 * {@code demo-accounts} adds SPEC §8's demo accounts; only the embedded default turns it on.
 */
@ConfigurationProperties("luodi.security")
public record SecurityProperties(String mode, boolean demoAccounts, List<Account> users, Oidc oidc) {

    public SecurityProperties {
        mode = mode == null ? "basic" : mode;
        users = users == null ? List.of() : users;
        oidc = oidc == null ? new Oidc(null, null, null, null) : oidc;
    }

    /**
     * A configured account; {@code passwordHash} is a BCrypt hash, never a plain password. A clerk names its
     * {@code township}, a department account its {@code department}, a city leader's account its {@code leader}.
     */
    public record Account(String username, String passwordHash, Role role, String township, String department,
                          String leader) {

        /** The unit the account is bound to, by its role. */
        String unit() {
            return role == Role.CLERK ? township : role == Role.DEPARTMENT ? department
                    : role == Role.LEADER ? leader : null;
        }
    }

    public record Oidc(String roleClaim, String townshipClaim, String usernameClaim, String departmentClaim) {
    }

    public boolean oidcMode() {
        return "oidc".equalsIgnoreCase(mode);
    }
}
