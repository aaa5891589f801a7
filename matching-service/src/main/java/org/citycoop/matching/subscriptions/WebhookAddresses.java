package org.citycoop.matching.subscriptions;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook URLs may be called: {@code http} or {@code https} with a host whose every resolved address is
 * public. Loopback (127.0.0.0/8, ::1), private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local
 * (169.254/16, fe80::/10), shared (100.64/10), unspecified and multicast addresses are refused, so that a
 * subscription cannot make the service call into its own network (server-side request forgery). Setting
 * {@code citycoop.matching.webhooks.allow-private-addresses=true} lifts the address rule for local use and tests.
 */
public final class WebhookAddresses {

    /** Resolves a host name to its addresses (the JDK's resolver in production). */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    public static final Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    private WebhookAddresses() {
    }

    /**
     * Why {@code url} may not be used as a webhook, or empty when it may.
     *
     * @param allowPrivate whether private, loopback and link-local addresses are allowed
     */
    public static Optional<String> refusal(String url, boolean allowPrivate, Resolver resolver) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return Optional.of("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry user credentials");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("host '" + uri.getHost() + "' cannot be resolved");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        return addresses.stream().filter(address -> !isPublic(address)).findFirst()
                .map(address -> "host '" + uri.getHost() + "' resolves to " + address.getHostAddress()
                        + ", a private, loopback or link-local address; webhooks must be reachable on the public internet");
    }

    /** False for loopback, private, link-local, shared (100.64/10), unique-local, unspecified and multicast addresses. */
    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc;
        }
        boolean shared = (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        boolean thisNetwork = (bytes[0] & 0xff) == 0;
        return !shared && !thisNetwork;
    }
}
