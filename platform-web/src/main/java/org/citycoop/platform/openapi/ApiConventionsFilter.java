package org.citycoop.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.citycoop.platform.problem.Problem;
import org.citycoop.platform.security.Roles;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Applies the suite's conventions to every service's generated OpenAPI document, so that resources
 * document only what is particular to an operation:
 * <ul>
 *   <li>security: one scheme, {@value #API_KEY} (declared in this package's {@code package-info}); Quarkus' own
 *       scheme is dropped. Quarkus turns {@code @RolesAllowed} into a requirement listing the roles; an
 *       operation open to anyone ({@code @RolesAllowed(Roles.ANYONE)}) gets {@code security: []}, any
 *       other {@code security: [{ApiKey: [roles]}]} (the service's default roles when it names none);</li>
 *   <li>problem responses: each operation gets the shared {@code components.responses} (the same package-info) that can happen to
 *       it (401, 406, 429, 500, 502, 503 and 504 always; 403 unless public; 400 with parameters or a body;
 *       404 with path parameters; 412 with {@code If-Match}; 413, 415 and 422 with a body). A response an
 *       operation declares itself keeps its description and gets the {@code Problem} content; Quarkus'
 *       automatic ones ({@code Not Authorized}, {@code Not Allowed}, {@code Bad Request}) give way to the
 *       shared ones where those apply.</li>
 * </ul>
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiConventionsFilter implements OASFilter {

    /** The name of the one security scheme. */
    public static final String API_KEY = "ApiKey";
    private static final String RESPONSES = "#/components/responses/";
    private static final String PROBLEM = "#/components/schemas/Problem";
    /** The descriptions of the responses Quarkus adds on its own. */
    private static final Set<String> AUTOMATIC = Set.of("Not Authorized", "Not Allowed", "Bad Request");

    private record Shared(String code, String name, Predicate<Facts> when) {
    }

    /** What decides which problems an operation can answer. */
    private record Facts(boolean open, boolean inputs, boolean pathParameters, boolean ifMatch, boolean body) {
    }

    private static final List<Shared> SHARED = List.of(
            new Shared("400", "BadRequest", Facts::inputs),
            new Shared("401", "Unauthorized", facts -> true),
            new Shared("403", "Forbidden", facts -> !facts.open()),
            new Shared("404", "NotFound", Facts::pathParameters),
            new Shared("406", "NotAcceptable", facts -> true),
            new Shared("412", "PreconditionFailed", Facts::ifMatch),
            new Shared("413", "ContentTooLarge", Facts::body),
            new Shared("415", "UnsupportedMediaType", Facts::body),
            new Shared("422", "UnprocessableContent", Facts::body),
            new Shared("429", "TooManyRequests", facts -> true),
            new Shared("500", "InternalError", facts -> true),
            new Shared("502", "BadGateway", facts -> true),
            new Shared("503", "ServiceUnavailable", facts -> true),
            new Shared("504", "GatewayTimeout", facts -> true));

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents();
        if (components != null && components.getSecuritySchemes() != null) {
            new ArrayList<>(components.getSecuritySchemes().keySet()).stream()
                    .filter(name -> !API_KEY.equals(name)).forEach(components::removeSecurityScheme);
        }
        api.setSecurity(null);
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        List<String> defaultRoles = defaultRoles();
        api.getPaths().getPathItems().values().forEach(item ->
                item.getOperations().values().forEach(operation -> apply(item, operation, defaultRoles)));
    }

    private static void apply(PathItem item, Operation operation, List<String> defaultRoles) {
        Set<String> roles = new LinkedHashSet<>();
        if (operation.getSecurity() != null) {
            operation.getSecurity().forEach(requirement -> requirement.getSchemes().values().forEach(roles::addAll));
        } else {
            roles.addAll(defaultRoles);
        }
        boolean open = roles.equals(Set.of(Roles.ANYONE));
        List<SecurityRequirement> security = new ArrayList<>();
        if (!open) {
            roles.remove(Roles.ANYONE);
            security.add(OASFactory.createSecurityRequirement().addScheme(API_KEY, new ArrayList<>(roles)));
        }
        operation.setSecurity(security);

        List<Parameter> parameters = Stream.concat(
                item.getParameters() == null ? Stream.empty() : item.getParameters().stream(),
                operation.getParameters() == null ? Stream.empty() : operation.getParameters().stream()).toList();
        boolean body = operation.getRequestBody() != null;
        Facts facts = new Facts(open,
                body || parameters.stream().anyMatch(p -> p.getIn() != Parameter.In.PATH),
                parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH),
                parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName())),
                body);

        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        Map<String, APIResponse> declared = operation.getResponses().getAPIResponses() == null
                ? Map.of() : new LinkedHashMap<>(operation.getResponses().getAPIResponses());
        declared.forEach((code, response) -> {
            if (!code.matches("[45]\\d\\d") || response.getRef() != null) {
                return;
            }
            String description = response.getDescription();
            if (description == null || description.isBlank() || AUTOMATIC.contains(description)) {
                // Quarkus' own (such as 403 on an operation open to anyone), or one that says nothing particular
                operation.getResponses().removeAPIResponse(code);
            } else {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
            }
        });
        for (Shared shared : SHARED) {
            if (shared.when().test(facts) && !operation.getResponses().hasAPIResponse(shared.code())) {
                operation.getResponses().addAPIResponse(shared.code(), reference(shared));
            }
        }
    }

    private static APIResponse reference(Shared shared) {
        return OASFactory.createAPIResponse().ref(RESPONSES + shared.name());
    }

    /** {@code quarkus.security.jaxrs.default-roles-allowed}: who may call an endpoint that names no roles. */
    private static List<String> defaultRoles() {
        try {
            return ConfigProvider.getConfig().getOptionalValues("quarkus.security.jaxrs.default-roles-allowed", String.class)
                    .orElse(List.of());
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
