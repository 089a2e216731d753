package io.claimbench.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * CSRF protection of the pages' forms by double submit: a random token in an HttpOnly, SameSite=Strict cookie and the
 * same token in a hidden field of each form ({@code {inject:csrf.token}}); a POST is taken only when both are there
 * and equal. Stateless, so it holds behind a load balancer.
 */
@Named("csrf")
@RequestScoped
public class CsrfToken {

    static final String COOKIE = "claimbench_csrf";
    public static final String FIELD = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CurrentVertxRequest request;
    private final WebConfig config;
    private String token;

    public CsrfToken(CurrentVertxRequest request, WebConfig config) {
        this.request = request;
        this.config = config;
    }

    /** The token for this browser: the one its cookie holds, or a new one, set as its cookie with this answer. */
    public String getToken() {
        if (token == null) {
            RoutingContext rc = request.getCurrent();
            Cookie cookie = rc.request().getCookie(COOKIE);
            if (cookie != null && cookie.getValue().length() >= 32) {
                token = cookie.getValue();
            } else {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                rc.response().addCookie(Cookie.cookie(COOKIE, token).setPath("/").setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT).setSecure(config.secureCookies()));
            }
        }
        return token;
    }

    /** Refuses a form whose token is missing or differs from the cookie's. */
    public void check(String submitted) {
        Cookie cookie = request.getCurrent().request().getCookie(COOKIE);
        if (submitted == null || cookie == null || !MessageDigest.isEqual(
                submitted.getBytes(StandardCharsets.UTF_8), cookie.getValue().getBytes(StandardCharsets.UTF_8))) {
            throw new PageException(403, "This form has expired or did not come from this site. Reload the page and try again.");
        }
    }
}
