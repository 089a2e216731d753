package io.claimbench.auth;

import io.claimbench.support.Anonymous;
import io.claimbench.support.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** OIDC bearer tokens, verified with a local signing key, roles read from a claim; API keys keep working beside them. */
@QuarkusTest
@TestProfile(OidcTest.LocalSigningKey.class)
@Anonymous
class OidcTest {

    static final KeyPair ISSUER = rsa();
    static final KeyPair STRANGER = rsa();

    public static class LocalSigningKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.public-key", Base64.getEncoder().encodeToString(ISSUER.getPublic().getEncoded()),
                    "quarkus.oidc.token.issuer", "https://issuer.example",
                    "quarkus.oidc.token.audience", "claimbench",
                    "quarkus.oidc.roles.role-claim-path", "claimbench_roles");
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(PrivateKey signer, String subject, List<String> roles, long expiresInSeconds) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://issuer.example");
        claims.setAudience("claimbench");
        claims.setSubject(subject);
        claims.setClaim("preferred_username", subject);
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + expiresInSeconds));
        claims.setStringListClaim("claimbench_roles", roles);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signer);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static final Map<String, Object> RUN = Map.of("evalSet", "eq-bench-v2", "candidate", "gpt-4-1106-preview",
            "baseline", "gpt-4-0613", "seed", 9102);

    @Test
    void should_let_a_runner_token_start_a_run_and_record_its_subject() throws Exception {
        String jwt = token(ISSUER.getPrivate(), "alice", List.of("runner"), 300);
        given().auth().oauth2(jwt).contentType("application/json").body(RUN).post("/api/runs").then()
                .statusCode(202).body("startedBy", equalTo("alice"));
        given().auth().oauth2(jwt).get("/api/runs").then().statusCode(200);
    }

    @Test
    void should_refuse_writes_to_a_reader_token() throws Exception {
        String jwt = token(ISSUER.getPrivate(), "bob", List.of("reader"), 300);
        given().auth().oauth2(jwt).get("/api/eval-sets").then().statusCode(200);
        given().auth().oauth2(jwt).contentType("application/json").body(RUN).post("/api/runs").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(jwt).get("/api/keys").then().statusCode(403);
    }

    @Test
    void should_refuse_expired_and_foreign_tokens() throws Exception {
        given().auth().oauth2(token(ISSUER.getPrivate(), "carol", List.of("admin"), -600)).get("/api/runs").then()
                .statusCode(401);
        given().auth().oauth2(token(STRANGER.getPrivate(), "mallory", List.of("admin"), 300)).get("/api/runs").then()
                .statusCode(401);
        given().get("/api/runs").then().statusCode(401);
    }

    @Test
    void should_still_accept_api_keys() {
        given().header("Authorization", "Bearer " + TestKeys.RUNNER).get("/api/runs").then().statusCode(200);
        given().header("X-API-Key", TestKeys.ADMIN).get("/api/keys").then().statusCode(200);
    }
}
