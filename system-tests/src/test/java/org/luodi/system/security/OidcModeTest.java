package org.luodi.system.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.luodi.command.CommandSideApplication;
import org.luodi.platform.testing.EmbeddedPostgresInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ContextConfiguration;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production's security mode (SPEC §7): the command side with {@code luodi.security.mode=oidc} trusts bearer tokens
 * signed by the identity provider's key (here an RSA key made for this test, read through a {@link JwtDecoder}
 * bean) and takes the role and township from their claims. A clerk's token works for its own township and is
 * refused for another; Basic credentials, even the demo ones, get nowhere; tokens that are unsigned, signed by
 * another key, expired or without a usable role or township are a 401, never a 500.
 */
@SpringBootTest(classes = {CommandSideApplication.class, OidcModeTest.TestKey.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"luodi.security.mode=oidc", "axoniq.update-checker.disabled=true"})
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class OidcModeTest {
    private static final KeyPair IDENTITY_PROVIDER = rsa();
    private static final KeyPair SOMEONE_ELSE = rsa();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @TestConfiguration(proxyBeanMethods = false)
    static class TestKey {
        @Bean
        JwtDecoder jwtDecoder() {
            return NimbusJwtDecoder.withPublicKey((RSAPublicKey) IDENTITY_PROVIDER.getPublic()).build();
        }
    }

    @Test
    void tokensWithRoleAndTownshipClaimsAreTheOnlyWayIn() throws Exception {
        String gaoxinClerk = token(IDENTITY_PROVIDER, Map.of("preferred_username", "li.gaoxin", "role", "CLERK",
                "township", "gaoxin"), 300);
        Http.Answer signed = post("/api/projects", "Bearer " + gaoxinClerk, sign("gaoxin"));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
        String project = JSON.readTree(signed.body()).get("projectId").asText();
        assertThat(post("/api/projects/" + project + "/start", "Bearer " + gaoxinClerk, START).status()).isEqualTo(200);

        // another township's clerk, and a supervisor, may not record this township's milestones
        String chenguiClerk = token(IDENTITY_PROVIDER, Map.of("preferred_username", "wang.chengui", "role", "clerk",
                "township", "chengui"), 300);
        assertThat(post("/api/projects/" + project + "/funds", "Bearer " + chenguiClerk, FUNDS).status()).isEqualTo(403);
        assertThat(post("/api/projects", "Bearer " + chenguiClerk, sign("gaoxin")).status()).isEqualTo(403);
        String supervisor = token(IDENTITY_PROVIDER, Map.of("sub", "zhao", "role", "SUPERVISOR"), 300);
        assertThat(post("/api/projects/" + project + "/funds", "Bearer " + supervisor, FUNDS).status()).isEqualTo(403);
        assertThat(post("/api/projects/" + project + "/void", "Bearer " + supervisor,
                "{\"reason\":\"重复录入\"}").status()).isEqualTo(200);

        // Basic credentials are not a way in, not even the demo accounts'
        Http.Answer basic = post("/api/projects", Http.demo("gaoxin"), sign("gaoxin"));
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.isProblem()).isTrue();
        assertThat(basic.headers().get("www-authenticate")).containsExactly("Bearer");
        assertThat(post("/api/projects", null, sign("gaoxin")).status()).isEqualTo(401);
    }

    @Test
    void badTokensAreA401NeverA500() throws Exception {
        Map<String, Map<String, Object>> claims = Map.of(
                "no role", Map.of("sub", "x", "township", "gaoxin"),
                "unknown role", Map.of("sub", "x", "role", "ROOT"),
                "role not a string", Map.of("sub", "x", "role", Map.of("a", 1)),
                "clerk without township", Map.of("sub", "x", "role", "CLERK"),
                "clerk with blank township", Map.of("sub", "x", "role", "CLERK", "township", " "),
                "no name", Map.of("role", "SUPERVISOR"));
        for (var c : claims.entrySet()) {
            Http.Answer answer = post("/api/projects", "Bearer " + token(IDENTITY_PROVIDER, c.getValue(), 300), sign("gaoxin"));
            assertThat(answer.status()).as(c.getKey() + " -> " + answer).isEqualTo(401);
            assertThat(answer.isProblem()).isTrue();
        }
        Map<String, Object> clerk = Map.of("sub", "x", "role", "CLERK", "township", "gaoxin");
        for (var t : Map.of(
                "signed by another key", token(SOMEONE_ELSE, clerk, 300),
                "expired", token(IDENTITY_PROVIDER, clerk, -120),
                "unsigned", unsigned(clerk),
                "not a JWT", "abc.def.ghi",
                "empty", "").entrySet()) {
            Http.Answer answer = post("/api/projects", "Bearer " + t.getValue(), sign("gaoxin"));
            assertThat(answer.status()).as(t.getKey() + " -> " + answer).isEqualTo(401);
            assertThat(answer.isProblem()).isTrue();
        }
    }

    // ---- helpers

    private static final String START = "{\"startedOn\":\"2024-06-01\",\"kind\":\"NEW\"}";
    private static final String FUNDS = "{\"arrivedOn\":\"2024-06-15\",\"source\":\"IN_PROVINCE\",\"amountWan\":100}";

    private static String sign(String township) {
        return """
                {"name":"令牌签约项目","investor":"某公司","township":"%s","industryChain":"new-materials",
                 "industrial":true,"contractAmountWan":20000,"sourceRegion":"IN_PROVINCE","signedOn":"2024-05-20"}"""
                .formatted(township);
    }

    private Http.Answer post(String path, String authorization, String body) {
        return Http.postJson("http://localhost:" + port + path, authorization, body);
    }

    private static String token(KeyPair key, Map<String, Object> claims, long validSeconds) throws JOSEException {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer("https://idp.test")
                .issueTime(Date.from(Instant.now().minusSeconds(600)))
                .expirationTime(Date.from(Instant.now().plusSeconds(validSeconds)));
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
        jwt.sign(new RSASSASigner(key.getPrivate()));
        return jwt.serialize();
    }

    private static String unsigned(Map<String, Object> claims) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().expirationTime(Date.from(Instant.now().plusSeconds(300)));
        claims.forEach(set::claim);
        return new com.nimbusds.jwt.PlainJWT(set.build()).serialize();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
