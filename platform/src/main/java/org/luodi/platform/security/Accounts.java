package org.luodi.platform.security;

import org.luodi.events.Leaders;
import org.luodi.platform.reference.ReferenceData;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The password accounts: configured ones (BCrypt hashes) and, when asked for, SPEC §8's demo accounts. */
public class Accounts implements UserDetailsService {
    private final Map<String, LuodiUserDetails> byUsername = new LinkedHashMap<>();
    /** Demo accounts are hashed when first used: 89 BCrypt hashes at start would cost each side seconds. */
    private final Map<String, LuodiUser> demo = new LinkedHashMap<>();
    private final Map<String, LuodiUserDetails> demoHashed = new ConcurrentHashMap<>();
    private final PasswordEncoder encoder;

    public Accounts(SecurityProperties properties, ReferenceData referenceData, PasswordEncoder encoder) {
        this.encoder = encoder;
        if (properties.demoAccounts()) {
            // Demo passwords equal the usernames; they are hashed and never kept in plain text.
            addDemo(new LuodiUser("supervisor", Role.SUPERVISOR, null));
            addDemo(new LuodiUser("admin", Role.ADMIN, null));
            referenceData.townships().forEach(t -> addDemo(new LuodiUser(t.code(), Role.CLERK, t.code())));
            referenceData.departments().forEach(d -> addDemo(new LuodiUser(d.code(), Role.DEPARTMENT, d.code())));
            Leaders.all().forEach(l -> addDemo(new LuodiUser(l.code(), Role.LEADER, l.code())));
        }
        properties.users().forEach(a -> {
            check(a, referenceData);
            byUsername.put(a.username(), new LuodiUserDetails(new LuodiUser(a.username(), a.role(), a.unit()),
                    a.passwordHash()));
        });
    }

    private static final java.util.regex.Pattern BCRYPT =
            java.util.regex.Pattern.compile("^\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}$");

    /**
     * A configured account must be usable and safe as written: a BCrypt hash (a plain password there would sit in
     * the configuration and never match), a role, and for a clerk a known township. Refused when the side starts;
     * the message never repeats what was given as the password.
     */
    private static void check(SecurityProperties.Account a, ReferenceData referenceData) {
        String who = "luodi.security.users: account '" + a.username() + "'";
        if (a.username() == null || a.username().isBlank()) {
            throw new IllegalStateException("luodi.security.users: an account without a username");
        }
        if (a.passwordHash() == null || !BCRYPT.matcher(a.passwordHash()).matches()) {
            throw new IllegalStateException(who + ": password-hash must be a BCrypt hash ($2a$/$2b$/$2y$, 60 characters)");
        }
        if (a.role() == null) {
            throw new IllegalStateException(who + ": role must be CLERK, SUPERVISOR, ADMIN, DEPARTMENT or LEADER");
        }
        if (a.role() == Role.CLERK && !referenceData.isTownship(a.township())) {
            throw new IllegalStateException(who + ": a clerk needs a known township code");
        }
        if (a.role() == Role.DEPARTMENT && !referenceData.isDepartment(a.department())) {
            throw new IllegalStateException(who + ": a department account needs a known department code (附件2)");
        }
        if (a.role() == Role.LEADER && !Leaders.isLeader(a.leader())) {
            throw new IllegalStateException(who + ": a leader's account needs a known leader code (leaders-daye.csv)");
        }
    }

    private void addDemo(LuodiUser user) {
        demo.put(user.username(), user);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        LuodiUserDetails details = byUsername.get(username);
        if (details == null && demo.containsKey(username)) {
            details = demoHashed.computeIfAbsent(username,
                    name -> new LuodiUserDetails(demo.get(name), encoder.encode(name)));
        }
        if (details == null) {
            throw new UsernameNotFoundException("unknown user");
        }
        // a copy: Spring Security erases the credentials of the instance it authenticates
        return new LuodiUserDetails(details.user(), details.getPassword());
    }
}
