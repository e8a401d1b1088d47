package org.luodi.platform.security;

import org.luodi.platform.reference.ReferenceData;
import org.luodi.platform.web.ProblemResponses;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Every API call is authenticated: HTTP Basic against the password accounts, or in OIDC mode a bearer token.
 * Stateless (no session, so no CSRF surface); refusals are problem+json like every other error. The browser
 * UI sends the same Basic header from script, so 401s carry no {@code WWW-Authenticate} challenge for it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
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
                ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "请求地址或请求头不合规 (request refused by the firewall)");
            }
        };
    }

    @Bean
    public SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties,
                                                   Accounts accounts, PasswordEncoder encoder) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            if (properties.oidcMode()) {
                response.setHeader("WWW-Authenticate", "Bearer");
            } else if (request.getHeader("X-Requested-With") == null) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"luodi\"");
            }
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "请先登录 (authentication required)");
        };
        AccessDeniedHandler forbidden = (request, response, e) ->
                ProblemResponses.write(response, HttpStatus.FORBIDDEN, "无权执行此操作 (not allowed for your role)");

        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers("/actuator/health/**", "/actuator/health").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden));

        if (properties.oidcMode()) {
            JwtUsers.roleClaim = orDefault(properties.oidc().roleClaim(), "role");
            JwtUsers.townshipClaim = orDefault(properties.oidc().townshipClaim(), "township");
            JwtUsers.usernameClaim = orDefault(properties.oidc().usernameClaim(), "preferred_username");
            http.oauth2ResourceServer(o -> o
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(JwtUsers.converter()))
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(forbidden));
        } else {
            DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(encoder);
            passwords.setUserDetailsService(accounts);
            http.authenticationManager(new ProviderManager(new VerifiedPasswordCache(passwords)))
                    .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated));
        }
        return http.build();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
