package io.claimbench.api;

import io.claimbench.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.claimbench.results.JudgeQualityService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Every judge's quality over all recorded runs. */
@RolesAllowed(Roles.READER)
@Path("/api/judges")
@Produces(MediaType.APPLICATION_JSON)
public class JudgeResource {

    private final JudgeQualityService quality;

    public JudgeResource(JudgeQualityService quality) {
        this.quality = quality;
    }

    @GET
    public List<JudgeQualityView> list() {
        return quality.all().stream().map(JudgeQualityView::of).toList();
    }
}
