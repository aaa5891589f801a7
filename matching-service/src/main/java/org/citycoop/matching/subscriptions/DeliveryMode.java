package org.citycoop.matching.subscriptions;

/** How a subscription receives alerts. */
public enum DeliveryMode {
    /** One delivery per alert, as soon as it is raised. */
    IMMEDIATE,
    /** The alerts of a day in one delivery, sent at the next 00:00 UTC. */
    DAILY_DIGEST
}
