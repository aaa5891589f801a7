package org.citycoop.platform.web;

import org.citycoop.platform.problem.ProblemException;

/**
 * ETags and {@code If-Match} for the services' resources (RFC 9110, sections 8.8.3 and 13.1.1): a
 * resource's ETag is its version, quoted ({@code "3"}). A change to an existing resource needs
 * {@code If-Match} with the current ETag, so that a client never overwrites an update it has not
 * seen; sending the same content again needs none.
 */
public final class EntityTags {

    private EntityTags() {
    }

    /** The strong ETag of a version: {@code "3"}. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Decides whether a PUT may go ahead.
     *
     * @param ifMatch the {@code If-Match} header, or null when absent
     * @param currentVersion the stored version, or null when the resource does not exist yet
     * @param changesContent whether the request changes the stored content
     * @throws ProblemException 412 when {@code If-Match} is present, the request would change the content and
     *     {@code If-Match} does not name the current version (or the resource does not exist); 428 when it is absent and
     *     the request changes an existing resource. A request whose content is already stored passes whatever
     *     {@code If-Match} it names: its change has been applied (RFC 9110, section 13.1.1), so an agency re-sending an
     *     update whose answer it lost gets the success it missed, and nothing changes.
     */
    public static void checkPrecondition(String ifMatch, Long currentVersion, boolean changesContent) {
        if (ifMatch != null) {
            if (currentVersion == null) {
                throw ProblemException.preconditionFailed(
                        "If-Match was sent but the resource does not exist yet; send no If-Match to create it");
            }
            if (changesContent) {
                checkIfSent(ifMatch, currentVersion);
            } else if (!namesAVersionHeld(ifMatch, currentVersion)) {
                throw ProblemException.preconditionFailed("If-Match " + ifMatch.trim() + " names no version this resource has had; "
                        + "the current ETag is " + of(currentVersion));
            }
        } else if (currentVersion != null && changesContent) {
            throw ProblemException.preconditionRequired("Changing an existing resource needs If-Match with its current "
                    + "ETag (" + of(currentVersion) + ")");
        }
    }

    /**
     * Checks an {@code If-Match} that may be left out (a status change or a removal, where the request says what it
     * wants whatever the content): when sent, it must name the current version.
     *
     * @param ifMatch the {@code If-Match} header, or null when absent (nothing to check)
     * @throws ProblemException 412 when {@code If-Match} is present and does not name the current version
     */
    public static void checkIfSent(String ifMatch, long currentVersion) {
        if (ifMatch != null && !matches(ifMatch, currentVersion)) {
            throw ProblemException.preconditionFailed("If-Match " + ifMatch.trim() + " does not name the current version; "
                    + "the current ETag is " + of(currentVersion) + ": fetch the resource, merge, and retry");
        }
    }

    /** A strong entity tag of a version, as {@link #of} makes it. */
    private static final java.util.regex.Pattern VERSION_TAG = java.util.regex.Pattern.compile("\"([1-9][0-9]{0,17})\"");

    /**
     * Whether an {@code If-Match} value is {@code *} or a list of strong entity tags of versions the resource has had
     * (1 to the current one): what a request based on an earlier version carries, and nothing else.
     */
    static boolean namesAVersionHeld(String ifMatch, long currentVersion) {
        if (ifMatch.trim().equals("*")) {
            return true;
        }
        for (String tag : ifMatch.split(",", -1)) {
            java.util.regex.Matcher version = VERSION_TAG.matcher(tag.trim());
            if (!version.matches() || Long.parseLong(version.group(1)) > currentVersion) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether an {@code If-Match} value (a comma-separated list of entity tags, or {@code *}) matches the
     * current version by strong comparison: weak tags ({@code W/"3"}) never match.
     */
    public static boolean matches(String ifMatch, long currentVersion) {
        String current = of(currentVersion);
        for (String tag : ifMatch.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.equals("*") || trimmed.equals(current)) {
                return true;
            }
        }
        return false;
    }
}
