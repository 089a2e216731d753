package io.claimbench.web;

import io.claimbench.auth.ApiKeyMechanism;
import io.claimbench.auth.ApiKeyStore;
import io.claimbench.auth.ApiKeys;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * Signing in to the pages with an API key: browsers cannot send a bearer header, so the key the person pastes is
 * checked here and kept in an HttpOnly, SameSite=Strict session cookie, which {@link ApiKeyMechanism} reads.
 */
@Path("/")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

    private final ApiKeyStore keys;
    private final CsrfToken csrf;
    private final PageAccess access;
    private final WebConfig config;

    public SignInResource(ApiKeyStore keys, CsrfToken csrf, PageAccess access, WebConfig config) {
        this.keys = keys;
        this.csrf = csrf;
        this.access = access;
        this.config = config;
    }

    @GET
    @Path("sign-in")
    public TemplateInstance form(@QueryParam("next") String next, @QueryParam("role") String role) {
        String error = role == null ? null : "This page needs the " + role + " role: sign in with a key that has it.";
        return Pages.signIn(PageAccess.safeNext(next), error, access.signedIn());
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("key") String key, @FormParam("next") String next,
                           @FormParam(CsrfToken.FIELD) String token) {
        csrf.check(token);
        String k = key == null ? "" : key.strip();
        if (!ApiKeys.looksLikeKey(k) || keys.authenticate(k).isEmpty()) {
            // The key is never echoed back.
            return Response.status(401).entity(Pages.signIn(PageAccess.safeNext(next),
                    "That key was not accepted.", null).render()).type(MediaType.TEXT_HTML_TYPE).build();
        }
        return Response.seeOther(URI.create(PageAccess.safeNext(next))).cookie(session(k, -1)).build();
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@FormParam(CsrfToken.FIELD) String token) {
        csrf.check(token);
        return Response.seeOther(URI.create("/")).cookie(session("", 0)).build();
    }

    private NewCookie session(String value, int maxAge) {
        return new NewCookie.Builder(ApiKeyMechanism.SESSION_COOKIE).value(value).path("/").httpOnly(true)
                .secure(config.secureCookies()).sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
