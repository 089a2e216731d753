package io.claimbench.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** What a browser gets when a page cannot be shown: the sign-in page, or an error page (never problem+json). */
public class PageErrors {

    private final PageAccess access;

    public PageErrors(PageAccess access) {
        this.access = access;
    }

    @ServerExceptionMapper
    public Response signIn(SignInRequired e) {
        return Response.seeOther(URI.create("/sign-in?next=" + URLEncoder.encode(PageAccess.safeNext(e.next()),
                StandardCharsets.UTF_8) + "&role=" + e.role())).build();
    }

    @ServerExceptionMapper
    public Response page(PageException e) {
        String who = access.signedIn();
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Pages.error(e.status(), e.getMessage(), who).render()).build();
    }
}
