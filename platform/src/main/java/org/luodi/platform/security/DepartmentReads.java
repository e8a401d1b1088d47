package org.luodi.platform.security;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * What a department account (附件2) may call: these reads, nothing else. Closed by default, so that an endpoint
 * added later stays shut to departments until someone decides what of it a department may see. Each read filters
 * its data to the department's own (its credited projects, its own row) where the data is read.
 */
final class DepartmentReads {
    static final String[] PATHS = {"/api/me", "/api/vocabulary", "/api/ui/reference", "/api/calendar",
            "/api/projects", "/api/projects/*", "/api/projects/*/history", "/api/stats", "/api/bulletin",
            "/api/bulletin.xlsx", "/api/targets", "/api/tickets", "/api/tickets/*", "/api/leads/*",
            // 实证 (#19): of the projects and tickets the department sees, filtered where they are read
            "/api/projects/*/evidence", "/api/tickets/*/evidence", "/api/evidence/*", "/api/evidence/*/thumbnail",
            // the pushes of its own: its leads' lapsed follow-ups and its tickets' lapsed deadlines, nothing else
            "/api/alerts/stream"};

    /**
     * What a department account may write: the answer to a ticket assigned to it (the command side checks that it
     * is assigned to this department) and a file for it (#19, likewise checked there); the leads it reports and
     * works on (项目信息, #20), and reading them: the command side and the lead queries keep a department to its own
     * leads.
     */
    static final String[] WRITES = {"/api/tickets/*/answer", "/api/tickets/*/evidence", "/api/leads", "/api/leads/*/*"};

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private DepartmentReads() {
    }

    /** Signed in, and not a department account (an anonymous caller is still told to sign in: 401, not 403). */
    static AuthorizationManager<RequestAuthorizationContext> signedInOtherThanADepartment() {
        return (authentication, context) -> {
            var who = authentication.get();
            boolean signedIn = who != null && who.isAuthenticated() && !TRUST.isAnonymous(who);
            return new AuthorizationDecision(signedIn && who.getAuthorities().stream()
                    .noneMatch(a -> Role.DEPARTMENT.authority().equals(a.getAuthority())));
        };
    }
}
