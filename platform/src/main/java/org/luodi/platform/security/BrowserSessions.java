package org.luodi.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.Problem;
import org.luodi.platform.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * The browser's session: how it signs in and out, and the CSRF token it sends back. The token lives in a cookie
 * script may read ({@code XSRF-TOKEN}), and script returns it in the {@code X-XSRF-TOKEN} header, which another
 * site's page can neither read nor set; the session cookie itself is HttpOnly and SameSite=Lax.
 */
public final class BrowserSessions {
    /** Where a signed-in browser's credentials for the command side are kept, on the server only. */
    static final String COMMAND_SIDE_AUTHORIZATION = BrowserSessions.class.getName() + ".commandSideAuthorization";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private BrowserSessions() {
    }

    static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax").path("/"));
        return repository;
    }

    /** The token exactly as the cookie holds it (script copies it into the header; nothing renders it into HTML). */
    static CsrfTokenRequestAttributeHandler plainToken() {
        return new CsrfTokenRequestAttributeHandler();
    }

    /**
     * A CSRF token is required on an unsafe request that rides on a live session, and on every sign-in (so that no
     * other site signs a browser in under its own account). A request with no session has no authority to abuse:
     * it is refused with 401 like any anonymous call.
     */
    static boolean ridesOnSession(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod())
                && (request.isRequestedSessionIdValid() || "/login".equals(request.getServletPath()));
    }

    /** Spring Security only writes a deferred token when something reads it: this reads it on every answer. */
    static OncePerRequestFilter issueCsrfCookie() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                loadToken(request);
                chain.doFilter(request, response);
            }
        };
    }

    private static void loadToken(HttpServletRequest request) {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
    }

    /**
     * 204, with a fresh CSRF token (the sign-in replaced the old one). The query side forwards commands to the
     * command side, which knows no sessions: the Basic credentials it checks are kept in this session, on the
     * server, for as long as the session lives.
     */
    static void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        HttpSession session = request.getSession();
        String credentials = authentication.getName() + ":" + request.getParameter("password");
        session.setAttribute(COMMAND_SIDE_AUTHORIZATION,
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        loadToken(request);
        response.setStatus(HttpStatus.NO_CONTENT.value());
    }

    static void refused(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        ProblemResponses.write(response, Problem.of(ErrorCode.AUTH_BAD_CREDENTIALS, "用户名或密码不正确"));
    }

    static void signedOut(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        response.setStatus(HttpStatus.NO_CONTENT.value());
    }

    /**
     * The {@code Authorization} to send on the caller's behalf to another side: the caller's own header when it sent
     * one, else what its browser session keeps; null for neither.
     */
    public static String forwardedAuthorization(HttpServletRequest request) {
        String own = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (own != null) {
            return own;
        }
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(COMMAND_SIDE_AUTHORIZATION);
    }
}
