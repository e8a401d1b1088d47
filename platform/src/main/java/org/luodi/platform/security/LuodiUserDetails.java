package org.luodi.platform.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.List;

/** A password account (HTTP Basic) that knows its role and township. */
public class LuodiUserDetails extends User {
    private final LuodiUser user;

    public LuodiUserDetails(LuodiUser user, String passwordHash) {
        super(user.username(), passwordHash, List.of(new SimpleGrantedAuthority(user.role().authority())));
        this.user = user;
    }

    public LuodiUser user() {
        return user;
    }
}
