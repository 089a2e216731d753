package io.claimbench.web;

import io.claimbench.auth.ApiKeyMechanism;
import io.claimbench.support.Anonymous;
import io.claimbench.support.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Browsers sign in with a key kept in a session cookie; the cookie reads pages but never writes to the API. */
@QuarkusTest
@Anonymous
class SignInTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private static Response signIn(String key, String next) {
        Response form = given().get("/sign-in");
        Matcher m = CSRF.matcher(form.asString());
        assertThat(m.find()).isTrue();
        return given().redirects().follow(false).cookie(CsrfToken.COOKIE, form.getCookie(CsrfToken.COOKIE))
                .contentType("application/x-www-form-urlencoded").formParam("csrf", m.group(1))
                .formParam("key", key).formParam("next", next).post("/sign-in");
    }

    /** The redirect's path and query on this server (JAX-RS makes the Location absolute). */
    private static String local(Response r) {
        java.net.URI u = java.net.URI.create(r.header("Location"));
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    @Test
    void should_send_an_anonymous_browser_to_sign_in() {
        Response r = given().redirects().follow(false).get("/");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(local(r)).isEqualTo("/sign-in?next=%2F&role=reader");
    }

    @Test
    void should_keep_the_key_in_an_http_only_same_site_cookie_that_reads_pages_but_not_writes_the_api() {
        Response r = signIn(TestKeys.RUNNER, "/vote");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(local(r)).isEqualTo("/vote");
        String setCookie = r.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(ApiKeyMechanism.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String session = r.getCookie(ApiKeyMechanism.SESSION_COOKIE);

        given().cookie(ApiKeyMechanism.SESSION_COOKIE, session).get("/vote").then().statusCode(200);
        given().cookie(ApiKeyMechanism.SESSION_COOKIE, session).get("/api/runs").then().statusCode(200);
        // A write to the API needs the key in a header: a cookie another site could make the browser send is not enough.
        given().cookie(ApiKeyMechanism.SESSION_COOKIE, session).contentType("application/json")
                .body("{\"evalSet\":\"smoke\",\"candidate\":\"cand\",\"baseline\":\"base\"}").post("/api/runs")
                .then().statusCode(401);
    }

    /** A key revoked after sign-in leaves a stale cookie: the browser is sent to sign in again, not shown JSON. */
    @Test
    void should_send_a_browser_whose_key_was_revoked_to_sign_in() {
        var created = given().header("Authorization", "Bearer " + TestKeys.ADMIN).contentType("application/json")
                .body("{\"name\":\"web-revoked\",\"roles\":[\"reader\"]}").post("/api/keys").then().statusCode(201).extract();
        String session = signIn(created.path("key"), "/").getCookie(ApiKeyMechanism.SESSION_COOKIE);
        given().cookie(ApiKeyMechanism.SESSION_COOKIE, session).get("/").then().statusCode(200);
        given().header("Authorization", "Bearer " + TestKeys.ADMIN).delete("/api/keys/" + created.path("id")).then().statusCode(200);
        Response r = given().redirects().follow(false).cookie(ApiKeyMechanism.SESSION_COOKIE, session).get("/");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(local(r)).startsWith("/sign-in");
        given().cookie(ApiKeyMechanism.SESSION_COOKIE, session).get("/api/runs").then().statusCode(401);
    }

    @Test
    void should_refuse_a_wrong_key_without_echoing_it_and_never_redirect_off_site() {
        Response bad = signIn("cb_not-a-real-key-not-a-real-key-not-a-real-key0", "/");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.asString()).doesNotContain("cb_not-a-real-key").contains("not accepted");
        Response offSite = signIn(TestKeys.READER, "//elsewhere.example/x");
        assertThat(local(offSite)).isEqualTo("/");
        assertThat(java.net.URI.create(offSite.header("Location")).getHost()).isNotEqualTo("elsewhere.example");
        assertThat(local(signIn(TestKeys.READER, "https://elsewhere.example/"))).isEqualTo("/");
    }
}
