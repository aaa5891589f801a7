package org.citycoop.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The API keys of a local suite, in {@code <state>/credentials.env} (mode 600), as shell assignments:
 * {@code ADMIN_API_KEY=...} (the gateway's bootstrap admin key, made once) and one
 * {@code AGENCY_KEY_<AGENCY ID IN UPPER SNAKE CASE>=...} per seeded agency (an AGENCY_EDITOR client
 * named {@code agency-<id>}, created through {@code /v1/clients}), and {@code FINDER_API_KEY}, the scheme finder's
 * PARTNER_PORTAL client {@code finder}. Runs again keep the keys that still
 * work; a key that no longer works (its client's key was replaced) is replaced by a new one.
 */
public final class Credentials {

    public static final String FILE = "credentials.env";
    public static final String ADMIN = "ADMIN_API_KEY";
    /** The scheme finder's partner-portal key (client {@code finder}). */
    public static final String FINDER = "FINDER_API_KEY";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    private Credentials(Path file) {
        this.file = file;
    }

    /** The credentials in {@code <state>/credentials.env}, with an admin key made now if there was none. */
    public static Credentials load(Path state) throws IOException {
        Credentials credentials = new Credentials(state.resolve(FILE));
        if (Files.isRegularFile(credentials.file)) {
            for (String line : Files.readAllLines(credentials.file)) {
                int equals = line.indexOf('=');
                if (!line.startsWith("#") && equals > 0) {
                    credentials.values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
                }
            }
        }
        if (credentials.admin() == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            credentials.values.put(ADMIN, "cck_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            credentials.save();
        }
        return credentials;
    }

    public String admin() {
        return values.get(ADMIN);
    }

    /** The scheme finder's key, or null before {@link #ensureFinderKey}. */
    public String finder() {
        return values.get(FINDER);
    }

    /** Makes sure there is a working partner-portal key for the scheme finder (client {@code finder}), and writes the file. */
    public void ensureFinderKey(URI gateway) throws IOException, InterruptedException {
        String key = finder();
        if (key != null && send(gateway, "GET", "/v1/clients/me", null, key).statusCode() == 200) {
            return;
        }
        values.put(FINDER, issueKey(gateway, "finder", mapper.createObjectNode().put("name", "finder").put("role", "PARTNER_PORTAL").toString()));
        save();
    }

    /** The key of the agency's editor, or null. */
    public String agency(String agencyId) {
        return values.get(agencyVariable(agencyId));
    }

    /** A copy of every variable. */
    public Map<String, String> all() {
        return Map.copyOf(values);
    }

    /** {@code AGENCY_KEY_UNEP_IETC} for {@code unep-ietc}. */
    public static String agencyVariable(String agencyId) {
        return "AGENCY_KEY_" + agencyId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * Makes sure there is a working agency-editor key for each agency seeded in
     * {@code seed/agencies/<id>.json}, and writes the file.
     */
    public void ensureAgencyKeys(URI gateway, Path seedDirectory) throws IOException, InterruptedException {
        Path agencies = seedDirectory.resolve("agencies");
        List<String> ids;
        try (Stream<Path> files = Files.isDirectory(agencies) ? Files.list(agencies) : Stream.empty()) {
            ids = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        }
        for (String id : ids) {
            String key = agency(id);
            if (key != null && send(gateway, "GET", "/v1/clients/me", null, key).statusCode() == 200) {
                continue;
            }
            values.put(agencyVariable(id), issueAgencyKey(gateway, id));
        }
        save();
    }

    private String issueAgencyKey(URI gateway, String agencyId) throws IOException, InterruptedException {
        String name = "agency-" + agencyId;
        return issueKey(gateway, name, mapper.createObjectNode().put("name", name).put("role", "AGENCY_EDITOR").put("agencyId", agencyId).toString());
    }

    /** A new key for the client {@code name}: created with {@code body}, or, when it exists, given a new key. */
    private String issueKey(URI gateway, String name, String body) throws IOException, InterruptedException {
        HttpResponse<String> created = send(gateway, "POST", "/v1/clients", body, admin());
        if (created.statusCode() == 201) {
            return mapper.readTree(created.body()).path("key").asText();
        }
        if (created.statusCode() != 409) {
            throw new IOException("Creating the API client " + name + " answered " + created.statusCode() + ": " + created.body());
        }
        // it exists but its key was lost: give it a new one
        String path = "/v1/clients?limit=100";
        while (path != null) {
            HttpResponse<String> page = send(gateway, "GET", path, null, admin());
            JsonNode json = mapper.readTree(page.body());
            for (JsonNode client : json.path("items")) {
                if (name.equals(client.path("name").asText())) {
                    HttpResponse<String> rotated = send(gateway, "POST", "/v1/clients/"
                            + URLEncoder.encode(client.path("id").asText(), StandardCharsets.UTF_8) + "/key", null, admin());
                    if (rotated.statusCode() != 200) {
                        throw new IOException("A new key for " + name + " answered " + rotated.statusCode() + ": " + rotated.body());
                    }
                    return mapper.readTree(rotated.body()).path("key").asText();
                }
            }
            path = json.hasNonNull("next") ? json.path("next").asText() : null;
        }
        throw new IOException("The API client " + name + " exists but is not listed");
    }

    private HttpResponse<String> send(URI gateway, String method, String path, String body, String key)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void save() throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder("# API keys of this local CityCoop suite (deploy/local up). Keep them secret.\n"
                + "# Use: source .citycoop/credentials.env; curl -H \"Authorization: Bearer $ADMIN_API_KEY\" ...\n");
        values.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        JwtKeys.writeOwnerOnly(file, text.toString());
    }
}
