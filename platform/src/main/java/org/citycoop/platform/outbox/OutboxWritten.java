package org.citycoop.platform.outbox;

/** Fired when a transaction writes to the outbox; the relay publishes right after the commit. */
public record OutboxWritten(String topic) {
}
