package org.citycoop.matching.subscriptions;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * The body of {@code POST /v1/subscriptions}.
 *
 * @param url where to POST alerts (http or https; public addresses only unless configured for local use)
 * @param needId the saved need whose alerts to send; absent: every need of the subscription's creator
 * @param mode one delivery per alert (default) or a daily digest
 */
@Schema(name = "NewSubscription", description = "A webhook for the alerts of one saved need, or of all of its creator's needs")
public record NewSubscription(
        @Schema(description = "http(s) URL that receives the alerts by POST", example = "https://city.example.org/hooks/citycoop", required = true)
        @NotBlank @Size(max = 2000)
        String url,
        @Schema(description = "The saved need; absent: all needs saved by the caller")
        UUID needId,
        @Schema(description = "IMMEDIATE (default) or DAILY_DIGEST")
        DeliveryMode mode) {

    public NewSubscription {
        mode = mode == null ? DeliveryMode.IMMEDIATE : mode;
    }
}
