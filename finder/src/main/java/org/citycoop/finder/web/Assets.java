package org.citycoop.finder.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The page's static files, served by the finder itself under fingerprinted names ({@code app.3f9c0a1b2c.css}: the first
 * hex digits of the content's SHA-256), so that they can be cached for a year and a new version is a new name. htmx comes
 * from its WebJar (the version from the WebJar's own Maven properties). {@code embed.js} keeps a stable name too
 * ({@link #stable}), since the secretariat pastes its address once.
 */
@ApplicationScoped
@Named("assets")
public class Assets {

    /** A file and its media type. */
    public record Asset(String name, String mediaType, byte[] content) {
    }

    private final Map<String, Asset> byFingerprintedName = new LinkedHashMap<>();
    private final Map<String, String> fingerprintedName = new LinkedHashMap<>();
    private final Map<String, Asset> stable = new LinkedHashMap<>();

    @PostConstruct
    void load() {
        add("app.css", "text/css; charset=utf-8", read("finder-assets/app.css"));
        add("app.js", "text/javascript; charset=utf-8", read("finder-assets/app.js"));
        add("htmx.js", "text/javascript; charset=utf-8", read("META-INF/resources/webjars/htmx.org/" + htmxVersion() + "/dist/htmx.min.js"));
        stable.put("embed.js", new Asset("embed.js", "text/javascript; charset=utf-8", read("finder-assets/embed.js")));
    }

    /** The address of a file by its plain name, e.g. {@code /finder/assets/app.3f9c0a1b2c.css} for {@code app.css}. */
    public String url(String name) {
        String fingerprinted = fingerprintedName.get(name);
        if (fingerprinted == null) {
            throw new IllegalArgumentException("no asset " + name);
        }
        return "/finder/assets/" + fingerprinted;
    }

    public Optional<Asset> fingerprinted(String name) {
        return Optional.ofNullable(byFingerprintedName.get(name));
    }

    public Optional<Asset> stable(String name) {
        return Optional.ofNullable(stable.get(name));
    }

    private void add(String name, String mediaType, byte[] content) {
        int dot = name.lastIndexOf('.');
        String fingerprinted = name.substring(0, dot) + "." + fingerprint(content) + name.substring(dot);
        fingerprintedName.put(name, fingerprinted);
        byFingerprintedName.put(fingerprinted, new Asset(fingerprinted, mediaType, content));
    }

    static String fingerprint(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String htmxVersion() {
        Properties properties = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars.npm/htmx.org/pom.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static byte[] read(String path) {
        try (InputStream in = resource(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException("missing resource " + path);
        }
        return in;
    }
}
