package org.citycoop.matching.subscriptions;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The webhook deliveries' settings ({@code citycoop.matching.webhooks.*}). */
@ConfigMapping(prefix = "citycoop.matching.webhooks")
public interface WebhookConfig {

    /** How often due deliveries are looked for (also read by the sender's schedule). */
    @WithDefault("2s")
    Duration pollInterval();

    /** The wait before the second attempt; it doubles with each further attempt. */
    @WithDefault("30s")
    Duration initialBackoff();

    /** The longest wait between two attempts. */
    @WithDefault("1h")
    Duration maxBackoff();

    /** Attempts before a delivery is FAILED. */
    @WithDefault("8")
    int maxAttempts();

    /** How long one attempt may take (connecting, then the answer). */
    @WithDefault("10s")
    Duration timeout();

    /** Whether webhook URLs may resolve to private, loopback or link-local addresses (local use only). */
    @WithDefault("false")
    boolean allowPrivateAddresses();
}
