package io.claimbench.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finishes what Quarkus derives from {@code @RolesAllowed} (quarkus.smallrye-openapi.auto-add-security-requirement):
 * it names one scheme per operation, the first one declared, with the roles as its scopes; a ClaimBench key works
 * in either header, so each such requirement gets its alternative with the other scheme and the same roles. The
 * 401 and 403 answers it adds without a body become the shared problem+json ones that {@code ProblemMappers} sends.
 * The schemes and responses themselves are declared in META-INF/openapi.yaml.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class SecurityContractFilter implements OASFilter {

    static final String BEARER = "bearerAuth";
    static final String API_KEY = "apiKeyHeader";
    private static final Map<String, String> SHARED_RESPONSES = Map.of("401", "Unauthorized", "403", "Forbidden");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() != null) {
                item.getOperations().values().forEach(SecurityContractFilter::complete);
            }
        }
    }

    private static void complete(Operation operation) {
        List<SecurityRequirement> requirements = operation.getSecurity();
        if (requirements == null || requirements.isEmpty()) {
            return;
        }
        List<SecurityRequirement> all = new ArrayList<>();
        for (SecurityRequirement r : requirements) {
            all.add(r);
            alternative(r, BEARER, API_KEY).or(() -> alternative(r, API_KEY, BEARER))
                    .filter(alt -> requirements.stream().noneMatch(q -> alt.getSchemes().equals(q.getSchemes())))
                    .ifPresent(all::add);
        }
        operation.setSecurity(all);
        APIResponses responses = operation.getResponses();
        SHARED_RESPONSES.forEach((code, name) -> {
            var existing = responses.getAPIResponse(code);
            if (existing == null || (existing.getRef() == null && existing.getContent() == null)) {
                responses.addAPIResponse(code, OASFactory.createAPIResponse().ref(name));
            }
        });
    }

    /** The same requirement with {@code from} replaced by {@code to}, when {@code from} is its only scheme. */
    private static Optional<SecurityRequirement> alternative(SecurityRequirement r, String from, String to) {
        Map<String, List<String>> schemes = r.getSchemes();
        if (schemes == null || schemes.size() != 1 || !schemes.containsKey(from)) {
            return Optional.empty();
        }
        return Optional.of(OASFactory.createSecurityRequirement().addScheme(to, schemes.get(from)));
    }
}
