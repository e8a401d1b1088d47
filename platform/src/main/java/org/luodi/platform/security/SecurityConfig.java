package org.luodi.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.Problem;
import org.luodi.platform.reference.ReferenceData;
import org.luodi.platform.web.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Two ways in. Programs send {@code Authorization} on every call (HTTP Basic against the password accounts, or in
 * OIDC mode a bearer token): stateless, no session, so no CSRF surface. The browser (where a side serves the UI,
 * {@code luodi.security.browser-login}) signs in once by the form at {@code POST /login} and then rides on a session
 * cookie, which the browser attaches by itself, so its unsafe calls must also carry the CSRF token
 * ({@link BrowserSessions}). A request that carries {@code Authorization} never uses the session. Refusals are
 * problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfig {

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    public Accounts accounts(SecurityProperties properties, ReferenceData referenceData, PasswordEncoder encoder) {
        return new Accounts(properties, referenceData, encoder);
    }

    @Bean
    public JwtUsers jwtUsers(SecurityProperties properties) {
        return JwtUsers.of(properties.oidc());
    }

    /**
     * No Micrometer observation of the filter chain, the authentications and the authorizations: nothing reads them
     * (only health and info are exposed), and wrapping each of the chain's filters in an observation cost about 8 % of
     * the command side's CPU per request. Without this bean Spring Security decorates the chain whenever an
     * ObservationRegistry exists, whatever {@code management.observations.enable} says.
     */
    @Bean
    public SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * What Spring Security's firewall refuses before anything else runs (a {@code ;}, an encoded slash or
     * percent, {@code ..}, control characters in a header): a 400 problem+json written at once. Spring's default
     * sends the request through the container's error page, which answered in a different format or not at all.
     */
    @Bean
    public RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            if (!response.isCommitted()) {
                response.reset();
                ProblemResponses.write(response, Problem.of(ErrorCode.REQUEST_REJECTED, "请求地址或请求头不合规"));
            }
        };
    }

    /** Programs: every request that carries {@code Authorization}, and every request where no browser signs in. */
    @Bean
    @Order(1)
    public SecurityFilterChain apiClients(HttpSecurity http, SecurityProperties properties, JwtUsers jwtUsers,
                                          Accounts accounts, PasswordEncoder encoder,
                                          @Value("${luodi.security.browser-login:false}") boolean browserLogin)
            throws Exception {
        boolean browser = browserLogin && !properties.oidcMode();
        AuthenticationEntryPoint unauthenticated = unauthenticated(properties);
        http.securityMatcher(request -> !browser || request.getHeader(HttpHeaders.AUTHORIZATION) != null)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(SecurityConfig::rules)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden()));
        if (properties.oidcMode()) {
            http.oauth2ResourceServer(o -> o
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtUsers.converter()))
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(forbidden()));
        } else {
            http.authenticationManager(passwords(accounts, encoder)).httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated));
        }
        return http.build();
    }

    /** The browser: form login, a session cookie and CSRF tokens; reached only where {@code apiClients} lets go. */
    @Bean
    @Order(2)
    public SecurityFilterChain browser(HttpSecurity http, SecurityProperties properties,
                                       Accounts accounts, PasswordEncoder encoder) throws Exception {
        AuthenticationEntryPoint unauthenticated = unauthenticated(properties);
        http.authenticationManager(passwords(accounts, encoder))
                .authorizeHttpRequests(SecurityConfig::rules)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.csrfTokenRepository(BrowserSessions.csrfCookie())
                        .csrfTokenRequestHandler(BrowserSessions.plainToken())
                        .requireCsrfProtectionMatcher(BrowserSessions::ridesOnSession))
                .addFilterAfter(BrowserSessions.issueCsrfCookie(), BasicAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/").loginProcessingUrl("/login")
                        .successHandler(BrowserSessions::signedIn)
                        .failureHandler(BrowserSessions::refused))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(BrowserSessions::signedOut));
        return http.build();
    }

    /** Password accounts, each BCrypt check remembered for a few minutes ({@link VerifiedPasswordCache}). */
    private static AuthenticationManager passwords(Accounts accounts, PasswordEncoder encoder) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(encoder);
        passwords.setUserDetailsService(accounts);
        return new ProviderManager(new VerifiedPasswordCache(passwords));
    }

    /** The same rules on both ways in; a department account reads only {@link DepartmentReads#PATHS}. */
    private static void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth.requestMatchers(HttpMethod.GET, DepartmentReads.PATHS).authenticated()
                // any method: one the path does not take is answered 405 by the mapping, as on every other path
                .requestMatchers(DepartmentReads.WRITES).authenticated()
                .requestMatchers("/api/**").access(DepartmentReads.signedInOtherThanADepartment())
                .requestMatchers("/actuator/health/**", "/actuator/health").permitAll()
                .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                .anyRequest().permitAll();
    }

    /**
     * 401 problem+json. The challenge names the API's scheme, except to a request that carries cookies: that is the
     * browser, which signs in by the form and must not open its own login box.
     */
    private static AuthenticationEntryPoint unauthenticated(SecurityProperties properties) {
        return (request, response, e) -> {
            if (properties.oidcMode()) {
                response.setHeader("WWW-Authenticate", "Bearer");
            } else if (!carriesCookies(request)) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"luodi\"");
            }
            ProblemResponses.write(response, Problem.of(ErrorCode.AUTH_REQUIRED, "请先登录"));
        };
    }

    private static boolean carriesCookies(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.COOKIE) != null;
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> ProblemResponses.write(response, e instanceof CsrfException
                ? Problem.of(ErrorCode.CSRF_INVALID, "页面已过期，请刷新后重试")
                : Problem.of(ErrorCode.ACCESS_DENIED, "无权执行此操作"));
    }
}
