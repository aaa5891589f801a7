package org.citycoop.matching.subscriptions;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A webhook subscription.
 *
 * @param id its id
 * @param url where alerts are POSTed
 * @param needId the saved need, or null for all of the creator's needs
 * @param mode immediate or daily digest
 * @param createdBy the principal that created it
 * @param createdAt when
 * @param secret the signing secret: only in the answer to the creation, never again
 */
@Schema(name = "Subscription", description = "A webhook subscription; `secret` is shown only once, when it is created")
public record Subscription(
        UUID id,
        String url,
        UUID needId,
        DeliveryMode mode,
        String createdBy,
        OffsetDateTime createdAt,
        @Schema(description = "Standard Webhooks signing secret: `whsec_` + base64 of a 32-byte HMAC-SHA256 key; only in "
                + "the 201 answer, store it then", example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwBx7WsGHbr9o=")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String secret) {

    /** The subscription as shown after its creation: without its secret. */
    public Subscription withoutSecret() {
        return new Subscription(id, url, needId, mode, createdBy, createdAt, null);
    }
}
