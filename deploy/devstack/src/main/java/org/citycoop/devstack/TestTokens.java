package org.citycoop.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tokens for tests, shaped as the gateway makes them (RS256, {@code iss} {@value JwtKeys#ISSUER},
 * {@code aud} {@value JwtKeys#AUDIENCE}, {@code sub}, {@code groups}, {@code bindings}) and signed with
 * this test JVM's key pair, whose public key {@link StackTestResource} gives every {@code @QuarkusTest}
 * service. In a service's tests every RestAssured request carries {@link #admin()} unless it sets its
 * own {@code Authorization} header; {@code .header("Authorization", TestTokens.NONE)} sends none.
 *
 * <p>The compact JWS is made here with the JDK ({@code SHA256withRSA}) rather than with SmallRye JWT
 * Build, because tests outside Quarkus (deploy/e2e) make tokens too, where no MicroProfile Config runs.
 */
public final class TestTokens {

    /** An {@code Authorization} value that the test filter replaces by no header at all. */
    public static final String NONE = "none";
    /** The JVM-wide directory of the test key pair (a system property, shared by every class loader). */
    static final String KEY_DIRECTORY_PROPERTY = "citycoop.test.jwt-keys";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestTokens() {
    }

    /** {@code Bearer} token of the secretariat admin ({@code sub} test-admin). */
    public static String admin() {
        return token("test-admin", List.of("SECRETARIAT_ADMIN"), Map.of(), Duration.ofHours(1));
    }

    /** Token of an agency editor bound to {@code agencyId} ({@code sub} agency-editor-&lt;id&gt;). */
    public static String agencyEditor(String agencyId) {
        return token("agency-editor-" + agencyId, List.of("AGENCY_EDITOR"), Map.of("agency", List.of(agencyId)), Duration.ofHours(1));
    }

    /** Token of a city editor bound to the given GeoNames ids. */
    public static String cityEditor(String... cityIds) {
        return token("city-editor-" + String.join("-", cityIds), List.of("CITY_EDITOR"), Map.of("city", List.of(cityIds)), Duration.ofHours(1));
    }

    /** Token of a partner portal named {@code name}. */
    public static String partnerPortal(String name) {
        return token(name, List.of("PARTNER_PORTAL"), Map.of(), Duration.ofHours(1));
    }

    /** The token the gateway gives anonymous callers: the PUBLIC role only. */
    public static String anonymous() {
        return token("anonymous", List.of("PUBLIC"), Map.of(), Duration.ofHours(1));
    }

    /** An admin token that expired ten minutes ago (past any clock skew allowance). */
    public static String expiredAdmin() {
        return token("test-admin", List.of("SECRETARIAT_ADMIN"), Map.of(), Duration.ofMinutes(-10));
    }

    /** An admin token signed with a key nobody trusts: what a forger would send. */
    public static String forgedAdmin() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(claims("test-admin", List.of("SECRETARIAT_ADMIN"), Map.of(), Duration.ofHours(1)),
                    generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A token signed with this JVM's test key.
     *
     * @param lifetime from now to {@code exp}; negative for an expired token
     */
    public static String token(String subject, List<String> roles, Map<String, List<String>> bindings, Duration lifetime) {
        return token(keyDirectory(), subject, roles, bindings, lifetime);
    }

    /**
     * A token signed with the private key in {@code keyDirectory}: with a running suite's {@code keys/}, a token its
     * services accept as the gateway's (a benchmark's requests straight to a service).
     */
    public static String token(Path keyDirectory, String subject, List<String> roles, Map<String, List<String>> bindings,
            Duration lifetime) {
        try {
            return sign(claims(subject, roles, bindings, lifetime), JwtKeys.readPrivateKey(keyDirectory.resolve(JwtKeys.PRIVATE_KEY_FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory holding this JVM's test key pair, made on first use. */
    public static synchronized Path keyDirectory() {
        String existing = System.getProperty(KEY_DIRECTORY_PROPERTY);
        if (existing != null) {
            return Path.of(existing);
        }
        try {
            Path directory = Files.createTempDirectory("citycoop-test-keys");
            JwtKeys.ensure(directory);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Directories.deleteQuietly(directory), "citycoop-test-keys-delete"));
            System.setProperty(KEY_DIRECTORY_PROPERTY, directory.toString());
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode claims(String subject, List<String> roles, Map<String, List<String>> bindings, Duration lifetime) {
        Instant now = Instant.now();
        ObjectNode claims = MAPPER.createObjectNode()
                .put("iss", JwtKeys.ISSUER)
                .put("aud", JwtKeys.AUDIENCE)
                .put("sub", subject)
                .put("iat", now.getEpochSecond() - (lifetime.isNegative() ? 3600 : 0))
                .put("exp", now.plus(lifetime).getEpochSecond())
                .put("jti", UUID.randomUUID().toString());
        roles.forEach(claims.putArray("groups")::add);
        ObjectNode boundTo = claims.putObject("bindings");
        bindings.forEach((kind, ids) -> ids.forEach(boundTo.withArray(kind)::add));
        return claims;
    }

    private static String sign(ObjectNode claims, PrivateKey key) {
        try {
            Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
            String signingInput = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                    + "." + base64.encodeToString(MAPPER.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64.encodeToString(signature.sign());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot sign a test token", e);
        }
    }
}
