package org.citycoop.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.citycoop.platform.problem.Problem;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.problem.ProblemTypes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} of a create ({@code POST}) that makes retries safe: the first request with a key
 * creates, a repeat with the same key and body is answered with what the first one created, a repeat with another
 * body is a 409. Keys are each caller's own (another client's request with the same key is a request of its own).
 *
 * <p>Each service keeps its keys in a table of its own ({@link Table}: {@code idempotency_key TEXT PRIMARY KEY,
 * request_sha256 TEXT, <created id> UUID, created_at TIMESTAMPTZ}), so that the key goes when what it created is
 * deleted. The key is claimed in the creating transaction: a failed request leaves no key behind, and a second
 * request with the same key waits for the first one's commit and then sees its row.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** The header. */
    public static final String HEADER = "Idempotency-Key";

    /** Printable ASCII, 1-255 characters, no spaces (a UUID is the usual choice). */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    /**
     * A service's table of keys.
     *
     * @param name the table, for example {@code need_idempotency_key}
     * @param createdIdColumn the column holding the id of what the key created, for example {@code need_id}
     * @param created what a create makes, for the 409's detail, for example {@code needs profile}
     */
    public record Table(String name, String createdIdColumn, String created) {
    }

    /**
     * Checks the header's value.
     *
     * @param header the {@code Idempotency-Key} header, or null when absent
     * @return the key, or null when absent
     * @throws ProblemException 400 naming the header when it is not 1-255 printable ASCII characters without spaces
     */
    public static String check(String header) {
        if (header != null && !KEY.matcher(header).matches()) {
            throw ProblemException.badRequest(HEADER, "must be 1-255 printable ASCII characters without spaces");
        }
        return header;
    }

    /**
     * Claims {@code key} of {@code caller} for {@code newId}; must run inside the creating transaction.
     *
     * @param key a key passed through {@link #check}, or null when the request has none (nothing is claimed)
     * @param request the request body; its JSON form is hashed and compared on a repeat
     * @param newId the id the request will create
     * @return empty when the request goes ahead and creates {@code newId}; the id created by an earlier request with
     *     the same key and body otherwise
     * @throws ProblemException 409 naming the header when the key was used with another body
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> claim(Table table, String caller, String key, Object request, UUID newId, Instant now) {
        if (key == null) {
            return Optional.empty();
        }
        String owned = caller + " " + key;
        String requestSha256 = sha256(objectMapper, request);
        int claimed = entityManager.createNativeQuery("INSERT INTO " + table.name()
                        + " (idempotency_key, request_sha256, " + table.createdIdColumn() + ", created_at)"
                        + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (idempotency_key) DO NOTHING")
                .setParameter(1, owned)
                .setParameter(2, requestSha256)
                .setParameter(3, newId)
                .setParameter(4, now)
                .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        Object[] earlier = (Object[]) entityManager.createNativeQuery("SELECT request_sha256, " + table.createdIdColumn()
                        + " FROM " + table.name() + " WHERE idempotency_key = ?1")
                .setParameter(1, owned)
                .getSingleResult();
        return Optional.of(replay(table, (String) earlier[0], (UUID) earlier[1], requestSha256));
    }

    /**
     * What a repeated key answers.
     *
     * @return the id created the first time, when the bodies' hashes are the same
     * @throws ProblemException 409 naming the header when they differ
     */
    static UUID replay(Table table, String earlierSha256, UUID earlierId, String requestSha256) {
        if (!earlierSha256.equals(requestSha256)) {
            throw new ProblemException(409, ProblemTypes.CONFLICT, "Conflict",
                    "This Idempotency-Key was used with a different request body; use a new key for a new "
                            + table.created() + ".",
                    List.of(new Problem.FieldError(HEADER, "already used with a different request body")));
        }
        return earlierId;
    }

    /** The SHA-256 of the request's JSON form, in hex. */
    static String sha256(ObjectMapper objectMapper, Object request) {
        try {
            byte[] canonical = objectMapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash the request", e);
        }
    }
}
