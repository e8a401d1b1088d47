package org.luodi.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling: a username, one role, and for a clerk the township it is bound to (null otherwise). */
public record LuodiUser(String username, Role role, String township) {

    public boolean isClerk() {
        return role == Role.CLERK;
    }

    public boolean isSupervisor() {
        return role == Role.SUPERVISOR;
    }

    /** A clerk sees and writes only its own township; supervisors and admins are not bound to one. */
    public boolean mayAccessTownship(String code) {
        return !isClerk() || township.equals(code);
    }

    public static LuodiUser current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static LuodiUser of(Authentication authentication) {
        if (authentication == null) {
            throw new IllegalStateException("no authenticated user");
        }
        if (authentication instanceof JwtUsers.Authenticated token) {
            return token.user();
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof LuodiUserDetails details) {
            return details.user();
        }
        throw new IllegalStateException("unsupported principal " + principal.getClass().getName());
    }
}
