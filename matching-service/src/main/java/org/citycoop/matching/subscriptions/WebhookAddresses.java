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
 * (169.254/16, fe80::/10), shared (100.64/10), unspecified, multicast and the other special-purpose
 * addresses ({@link #isPublic}) are refused, so that a
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
     * Where a delivery goes: the URL's parts and the one address that was checked, to which the connection is made
     * (the host is not resolved again, so it cannot resolve to another address between the check and the
     * connection: DNS rebinding).
     *
     * @param host the URL's host, as the {@code Host} header, TLS server name and certificate check name it
     * @param port the URL's port, or the scheme's default
     * @param ssl whether the URL is https
     * @param requestUri path and query of the URL ({@code /} when it has no path)
     * @param address the checked address to connect to
     */
    public record Target(String host, int port, boolean ssl, String requestUri, InetAddress address) {
    }

    /** Why a URL may not be used as a webhook. */
    public static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Why {@code url} may not be used as a webhook, or empty when it may.
     *
     * @param allowPrivate whether private, loopback and link-local addresses are allowed
     */
    public static Optional<String> refusal(String url, boolean allowPrivate, Resolver resolver) {
        try {
            target(url, allowPrivate, resolver);
            return Optional.empty();
        } catch (Refused refused) {
            return Optional.of(refused.getMessage());
        }
    }

    /**
     * Resolves the URL's host once, checks every address it resolves to, and pins the first: the delivery
     * connects to that address.
     *
     * @param allowPrivate whether private, loopback and link-local addresses are allowed
     * @throws Refused when the URL may not be used, with the reason
     */
    public static Target target(String url, boolean allowPrivate, Resolver resolver) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new Refused("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new Refused("must name a host");
        }
        if (uri.getUserInfo() != null) {
            throw new Refused("must not carry user credentials");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new Refused("port must be 1 to 65535");
        }
        if (ambiguousIpv4(uri.getHost())) {
            throw new Refused("host '" + uri.getHost() + "' is a numeric address other programs read differently "
                    + "(leading zeros, hexadecimal or fewer than four parts); write it as four decimal numbers");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw new Refused("host '" + uri.getHost() + "' cannot be resolved");
        }
        if (addresses.isEmpty()) {
            throw new Refused("host '" + uri.getHost() + "' cannot be resolved");
        }
        if (!allowPrivate) {
            Optional<InetAddress> notPublic = addresses.stream().filter(address -> !isPublic(address)).findFirst();
            if (notPublic.isPresent()) {
                throw new Refused("host '" + uri.getHost() + "' resolves to " + notPublic.get().getHostAddress()
                        + ", a private, loopback or link-local address; webhooks must be reachable on the public internet");
            }
        }
        boolean ssl = scheme.equals("https");
        int port = uri.getPort() == -1 ? (ssl ? 443 : 80) : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String requestUri = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new Target(uri.getHost(), port, ssl, requestUri, addresses.get(0));
    }

    /**
     * False for loopback, private, link-local, shared (100.64/10), unique-local, unspecified and multicast
     * addresses, IPv4's "this network" (0/8), protocol assignments (192.0.0/24), documentation (192.0.2/24,
     * 198.51.100/24, 203.0.113/24), benchmarking (198.18/15) and reserved (240/4, with the broadcast address)
     * blocks (IANA IPv4 Special-Purpose Address Registry, RFC 6890), IPv6 documentation (2001:db8::/32) and
     * IETF protocol assignments (2001::/23, Teredo among them), any IPv6 address outside global unicast (2000::/3),
     * and IPv6 addresses that carry an IPv4 address that is not public: IPv4-compatible (::/96), IPv4-translated
     * (::ffff:0:0/96, RFC 2765), NAT64 (64:ff9b::/96, RFC 6052) and 6to4 (2002::/16, RFC 3056).
     */
    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return isPublicIpv6(bytes);
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        int third = bytes[2] & 0xff;
        boolean thisNetwork = first == 0;
        boolean shared = first == 100 && (second & 0xc0) == 64;
        boolean protocolAssignments = first == 192 && second == 0 && third == 0;
        boolean documentation = (first == 192 && second == 0 && third == 2) || (first == 198 && second == 51 && third == 100)
                || (first == 203 && second == 0 && third == 113);
        boolean benchmarking = first == 198 && (second & 0xfe) == 18;
        boolean reserved = first >= 240;
        return !(thisNetwork || shared || protocolAssignments || documentation || benchmarking || reserved);
    }

    private static boolean isPublicIpv6(byte[] bytes) {
        int firstGroup = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
        int secondGroup = ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
        if (zeros(bytes, 0, 12) || (zeros(bytes, 0, 8) && (bytes[8] & 0xff) == 0xff && (bytes[9] & 0xff) == 0xff && zeros(bytes, 10, 12))
                || (firstGroup == 0x64 && secondGroup == 0xff9b && zeros(bytes, 4, 12))) {
            return isPublic(ipv4(bytes, 12)); // IPv4-compatible (::/96), IPv4-translated (::ffff:0:0/96), NAT64 (64:ff9b::/96)
        }
        if (firstGroup == 0x2002) {
            return isPublic(ipv4(bytes, 2)); // 6to4
        }
        boolean globalUnicast = (bytes[0] & 0xe0) == 0x20; // 2000::/3, the only block assigned for the public internet
        boolean protocolAssignments = firstGroup == 0x2001 && secondGroup < 0x0200; // 2001::/23, Teredo among them
        boolean documentation = firstGroup == 0x2001 && secondGroup == 0x0db8;
        return globalUnicast && !protocolAssignments && !documentation;
    }

    /**
     * Whether the host is numeric but not four plain decimal numbers of 0 to 255: {@code 0177.0.0.1} (octal to
     * some resolvers), {@code 0x7f.1}, {@code 127.1}, {@code 2130706433}. Resolvers disagree on these.
     */
    static boolean ambiguousIpv4(String host) {
        String[] parts = (host.endsWith(".") ? host.substring(0, host.length() - 1) : host).split("\\.", -1);
        boolean numeric = java.util.Arrays.stream(parts).allMatch(part -> part.matches("[0-9]+|(?i)0x[0-9a-f]*"));
        if (!numeric) {
            return false; // a name, or an IPv6 literal
        }
        return parts.length != 4 || !java.util.Arrays.stream(parts).allMatch(part -> part.matches("0|[1-9][0-9]{0,2}")
                && Integer.parseInt(part) <= 255);
    }

    private static boolean zeros(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] bytes, int from) {
        try {
            return InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, from, from + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
