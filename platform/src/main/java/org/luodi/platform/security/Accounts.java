package org.luodi.platform.security;

import org.luodi.platform.reference.ReferenceData;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.LinkedHashMap;
import java.util.Map;

/** The password accounts: configured ones (BCrypt hashes) and, when asked for, SPEC §8's demo accounts. */
public class Accounts implements UserDetailsService {
    private final Map<String, LuodiUserDetails> byUsername = new LinkedHashMap<>();

    public Accounts(SecurityProperties properties, ReferenceData referenceData, PasswordEncoder encoder) {
        if (properties.demoAccounts()) {
            // Demo passwords equal the usernames; they are hashed here and never kept in plain text.
            add(new LuodiUser("supervisor", Role.SUPERVISOR, null), encoder.encode("supervisor"));
            add(new LuodiUser("admin", Role.ADMIN, null), encoder.encode("admin"));
            referenceData.townships().forEach(t ->
                    add(new LuodiUser(t.code(), Role.CLERK, t.code()), encoder.encode(t.code())));
        }
        properties.users().forEach(a ->
                add(new LuodiUser(a.username(), a.role(), a.role() == Role.CLERK ? a.township() : null),
                        a.passwordHash()));
    }

    private void add(LuodiUser user, String hash) {
        byUsername.put(user.username(), new LuodiUserDetails(user, hash));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        LuodiUserDetails details = byUsername.get(username);
        if (details == null) {
            throw new UsernameNotFoundException("unknown user");
        }
        // a copy: Spring Security erases the credentials of the instance it authenticates
        return new LuodiUserDetails(details.user(), details.getPassword());
    }
}
