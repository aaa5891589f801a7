/**
 * What every service's OpenAPI document shares, declared once: the {@value ApiConventionsFilter#API_KEY}
 * security scheme and the problem responses ({@code components.responses}, each an
 * {@code application/problem+json} {@link Problem}). {@link ApiConventionsFilter} puts them on the
 * operations. A service's own title and description come from its {@code quarkus.smallrye-openapi.info-*}
 * settings. (SmallRye OpenAPI reads an {@code @OpenAPIDefinition} of a library from its package, as here.)
 */
@OpenAPIDefinition(
        info = @Info(title = "CityCoop API", version = "1"),
        components = @Components(
                securitySchemes = @SecurityScheme(securitySchemeName = ApiConventionsFilter.API_KEY, type = SecuritySchemeType.HTTP,
                        scheme = "bearer", description = "The API key the gateway issues (POST /v1/clients), sent as "
                        + "`Authorization: Bearer <key>`. Operations with `security: []` need none: without a key a caller "
                        + "is the anonymous public, rate-limited per address. A wrong, replaced or revoked key is a 401 "
                        + "problem; a role or binding that does not allow the operation a 403 problem."),
                responses = {
                        @APIResponse(name = "BadRequest", responseCode = "400", description = "A parameter or the body cannot be "
                                + "read (malformed JSON, an unknown field or value, a wrong type); `errors` names each",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "Unauthorized", responseCode = "401", description = "The API key is missing where "
                                + "one is needed, or wrong, replaced or revoked",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "Forbidden", responseCode = "403", description = "This API client's role or "
                                + "bindings do not allow the operation",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "NotFound", responseCode = "404", description = "No such resource (an unknown or "
                                + "malformed id)",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "NotAcceptable", responseCode = "406", description = "`Accept` names no media type "
                                + "this operation answers with",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "PreconditionFailed", responseCode = "412", description = "`If-Match` names a "
                                + "version that is no longer current; nothing changed",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "ContentTooLarge", responseCode = "413", description = "The body is larger than "
                                + "this API accepts in one request",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "UnsupportedMediaType", responseCode = "415", description = "The body's "
                                + "`Content-Type` is not one this operation takes",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "UnprocessableContent", responseCode = "422", description = "A field's value is "
                                + "not allowed; `errors` names each field",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "TooManyRequests", responseCode = "429", description = "This caller's rate limit "
                                + "is used up (`RateLimit`, `RateLimit-Policy`)",
                                headers = @Header(name = "Retry-After", description = "Seconds until the limit allows a request",
                                        schema = @Schema(type = SchemaType.INTEGER)),
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "InternalError", responseCode = "500", description = "An unexpected error; "
                                + "`requestId` helps support find it",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "BadGateway", responseCode = "502", description = "The connection to the service "
                                + "broke after the request was sent: it may or may not have been carried out",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "ServiceUnavailable", responseCode = "503", description = "The service is down "
                                + "or failing; try again shortly",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "GatewayTimeout", responseCode = "504", description = "The service did not "
                                + "answer in time: the request may or may not have been carried out",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
                }))
package org.citycoop.platform.openapi;

import org.citycoop.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
