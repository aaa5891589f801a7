package org.citycoop.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair with which the gateway signs the tokens it forwards (RS256) and the services verify
 * them. Kept as PEM files in one directory ({@code .citycoop/keys/} for {@code deploy/local up}):
 * {@value #PRIVATE_KEY_FILE} (PKCS#8, the gateway's only) and {@value #PUBLIC_KEY_FILE} (X.509
 * SubjectPublicKeyInfo, every service's). The directory is readable by its owner only (700, files 600).
 */
public final class JwtKeys {

    /** {@code iss} of the gateway's tokens; the services accept no other ({@code mp.jwt.verify.issuer}). */
    public static final String ISSUER = "citycoop-gateway";
    /** {@code aud} of the gateway's tokens ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "citycoop";
    public static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";

    private JwtKeys() {
    }

    /** Makes a 2048-bit key pair in {@code directory} unless both files are there already. */
    public static void ensure(Path directory) throws IOException {
        Path privateKey = directory.resolve(PRIVATE_KEY_FILE);
        Path publicKey = directory.resolve(PUBLIC_KEY_FILE);
        if (Files.isRegularFile(privateKey) && Files.isRegularFile(publicKey)) {
            return;
        }
        Files.createDirectories(directory);
        ownerOnly(directory, "rwx------");
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot make an RSA key pair", e);
        }
        writeOwnerOnly(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        writeOwnerOnly(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    /** Reads a PKCS#8 PEM private key written by {@link #ensure}. */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        String body = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " is not an RSA private key in PKCS#8 PEM form", e);
        }
    }

    /** Writes a file only its owner may read: created empty with mode 600, then filled. */
    static void writeOwnerOnly(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary);
        ownerOnly(temporary, "rw-------");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: nothing more to do here
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
