package org.citycoop.catalog.batch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.citycoop.catalog.agency.AgencyRepository;
import org.citycoop.catalog.scheme.SchemeContent;
import org.citycoop.catalog.scheme.SchemeRules;
import org.citycoop.catalog.scheme.SchemeService;
import org.citycoop.catalog.scheme.SchemeView;
import org.citycoop.catalog.web.Upserted;
import org.citycoop.platform.problem.Problem;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.problem.ProblemMappers;
import org.citycoop.platform.problem.ProblemTypes;
import org.citycoop.platform.web.RequestIdFilter;
import org.jboss.logging.MDC;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Applies a batch of scheme upserts of one agency, item by item: each item is exactly what
 * {@code PUT /v1/agencies/{agencyId}/schemes/{ref}} would do with it (same checks, same If-Match rule,
 * same event, history and change-feed line). A rejected item changes nothing and does not stop the others.
 *
 * <p>Items are applied in groups of {@value #GROUP} through {@link SchemeService#upsertAll} (one transaction, one
 * read of the stored schemes and a few JDBC batches of writes per group, not per item). Every refusal the service
 * makes (422, 428, 412) happens before the item writes anything and leaves the group's transaction usable; should
 * the database refuse an item (a failure only it detects), the group's transaction is rolled back and its items
 * are applied again one transaction each.
 *
 * <p>An item is a scheme body ({@link SchemeContent}) with two more members: {@code ref} (required, the
 * agency's own reference) and {@code ifMatch} (optional, the ETag the client holds, as the PUT's
 * {@code If-Match} header). Changing an existing scheme without {@code ifMatch} rejects the item with 428;
 * a stale one with 412; the same content again needs none (unchanged).
 */
@ApplicationScoped
public class SchemeBatch {

    /** The most items one batch may hold. */
    public static final int MAX_ITEMS = 1000;

    /** Items committed together. */
    static final int GROUP = 100;

    static final String REF = "ref";
    static final String IF_MATCH = "ifMatch";

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    SchemeService schemes;

    @Inject
    AgencyRepository agencies;

    /** One item as read from the body: its JSON, or why it could not be read. */
    record Item(int index, JsonNode json, ProblemException unreadable) {
    }

    /**
     * Reads a JSON array of items; stops with 413 at item {@value #MAX_ITEMS} + 1 before anything is applied.
     *
     * @throws ProblemException 400 when the body is not a JSON array, 413 when it holds too many items
     */
    List<Item> readJsonArray(InputStream body) throws IOException {
        List<Item> items = new ArrayList<>();
        // Items are read one by one from inside the array: what follows an item is the next one, not trailing garbage.
        ObjectReader itemReader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        try (JsonParser parser = mapper.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw ProblemException.badRequest("body", "expected a JSON array of schemes, each with its ref");
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                checkCount(items.size());
                items.add(new Item(items.size(), itemReader.readTree(parser), null));
            }
            if (parser.nextToken() != null) {
                throw ProblemException.badRequest("body", "nothing may follow the JSON array");
            }
        }
        return items;
    }

    /**
     * Reads NDJSON: one item per non-blank line. A line that is not JSON rejects that item only.
     *
     * @throws ProblemException 413 when the body holds too many items
     */
    List<Item> readNdjson(InputStream body) throws IOException {
        List<Item> items = new ArrayList<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            checkCount(items.size());
            try {
                items.add(new Item(items.size(), mapper.readTree(line), null));
            } catch (JsonProcessingException e) {
                String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
                items.add(new Item(items.size(), null, new ProblemException(400, ProblemTypes.MALFORMED_JSON,
                        "Malformed JSON", "The line is not valid JSON" + where + ".",
                        List.of(new Problem.FieldError("body", "not valid JSON" + where)))));
            }
        }
        return items;
    }

    private static void checkCount(int readSoFar) {
        if (readSoFar >= MAX_ITEMS) {
            String detail = "a batch holds at most " + MAX_ITEMS + " schemes; split it";
            throw new ProblemException(413, ProblemTypes.PAYLOAD_TOO_LARGE, "Content too large", "body: " + detail,
                    List.of(new Problem.FieldError("body", detail)));
        }
    }

    /**
     * Applies the items in order, in groups of {@value #GROUP}, each group in a transaction of its own.
     *
     * @param instance the request path, for the items' problems
     * @throws ProblemException 404 when the agency does not exist (nothing applied)
     */
    BatchResult apply(String agencyId, List<Item> items, String instance) {
        if (agencies.findByIdOptional(agencyId).isEmpty()) {
            throw ProblemException.notFound("No agency '" + agencyId + "'; create it first with PUT /v1/agencies/" + agencyId + ".");
        }
        List<BatchItemResult> results = new ArrayList<>(items.size());
        for (int first = 0; first < items.size(); first += GROUP) {
            List<Prepared> group = items.subList(first, Math.min(items.size(), first + GROUP)).stream().map(this::prepare).toList();
            try {
                results.addAll(QuarkusTransaction.requiringNew().call(() -> applyGroup(agencyId, group, instance)));
            } catch (RuntimeException e) {
                if (!isDataException(e)) {
                    throw e;
                }
                // The database refused an item: nothing of the group was kept; apply each item on its own.
                for (Prepared item : group) {
                    results.add(applyAlone(agencyId, item, instance));
                }
            }
        }
        return BatchResult.of(results);
    }

    /** Applies a group's readable items together ({@link SchemeService#upsertAll}) and merges in the unreadable ones. */
    private List<BatchItemResult> applyGroup(String agencyId, List<Prepared> group, String instance) {
        List<SchemeService.SchemePush> pushes = group.stream().filter(item -> item.push() != null).map(Prepared::push).toList();
        Iterator<SchemeService.PushResult> applied = schemes.upsertAll(agencyId, pushes).iterator();
        return group.stream().map(item -> item.push() == null
                ? rejected(item.index(), item.ref(), item.refused(), instance)
                : result(item, applied.next(), instance)).toList();
    }

    /** Applies one item in a transaction of its own: a value the database refuses rejects it alone. */
    private BatchItemResult applyAlone(String agencyId, Prepared item, String instance) {
        if (item.push() == null) {
            return rejected(item.index(), item.ref(), item.refused(), instance);
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> result(item, schemes.upsertAll(agencyId, List.of(item.push())).get(0), instance));
        } catch (RuntimeException e) {
            if (!isDataException(e)) {
                throw e;
            }
            return rejected(item.index(), item.ref(), new ProblemException(400, ProblemTypes.BAD_REQUEST, "Bad request",
                    "A value cannot be stored: it holds a NUL character, or a number or time outside the supported range.",
                    List.of()), instance);
        }
    }

    private static BatchItemResult result(Prepared item, SchemeService.PushResult applied, String instance) {
        if (applied.refused() != null) {
            return rejected(item.index(), item.ref(), applied.refused(), instance);
        }
        Upserted<SchemeView> done = applied.done();
        BatchOutcome outcome = switch (done.outcome()) {
            case CREATED -> BatchOutcome.CREATED;
            case UPDATED -> BatchOutcome.UPDATED;
            case UNCHANGED -> BatchOutcome.UNCHANGED;
        };
        return new BatchItemResult(item.index(), item.ref(), outcome, done.view().id(), done.version(), null);
    }

    /** An item checked as far as it can be without the database: a push to apply, or the problem that rejects it. */
    private record Prepared(int index, String ref, SchemeService.SchemePush push, ProblemException refused) {
    }

    private Prepared prepare(Item item) {
        String ref = item.json() != null && item.json().path(REF).isTextual() ? item.json().get(REF).asText() : null;
        try {
            if (item.unreadable() != null) {
                throw item.unreadable();
            }
            if (!(item.json() instanceof ObjectNode json)) {
                throw ProblemException.badRequest("body", "expected a JSON object: a scheme with its ref");
            }
            if (ref == null) {
                throw ProblemException.invalid(REF, "required: the agency's own reference, a string");
            }
            if (!ref.matches(SchemeRules.REF_PATTERN)) {
                throw ProblemException.invalid(REF, "must be 1 to 64 letters, digits, dots, underscores or hyphens, "
                        + "with at least one letter or digit");
            }
            JsonNode ifMatchNode = json.get(IF_MATCH);
            if (ifMatchNode != null && !ifMatchNode.isTextual() && !ifMatchNode.isNull()) {
                throw ProblemException.badRequest(IF_MATCH, "expected a string: the scheme's current ETag, for example \"\\\"3\\\"\"");
            }
            String ifMatch = ifMatchNode == null || ifMatchNode.isNull() ? null : ifMatchNode.asText();
            ObjectNode body = json.deepCopy();
            body.remove(List.of(REF, IF_MATCH));
            return new Prepared(item.index(), ref, new SchemeService.SchemePush(ref, content(body), ifMatch), null);
        } catch (ProblemException e) {
            return new Prepared(item.index(), ref, null, e);
        }
    }

    /** The item's body read as the PUT reads it (strict JSON), then checked as the PUT checks it (bean validation). */
    private SchemeContent content(ObjectNode body) {
        SchemeContent content;
        try {
            content = mapper.treeToValue(body, SchemeContent.class);
        } catch (JsonProcessingException e) {
            throw ProblemMappers.unreadable(e); // the same problem as the single PUT's
        }
        Set<ConstraintViolation<SchemeContent>> violations = validator.validate(content);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.stream()
                    .map(v -> new Problem.FieldError(v.getPropertyPath().toString().replaceAll("\\.<[a-z ]+>", ""), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList());
        }
        return content;
    }

    private static BatchItemResult rejected(int index, String ref, ProblemException e, String instance) {
        Object requestId = MDC.get(RequestIdFilter.MDC_KEY);
        // a batch item carries its ETag in the property ifMatch, where a single PUT has the If-Match header
        List<Problem.FieldError> errors = e.errors().stream()
                .map(error -> "If-Match".equals(error.field()) ? new Problem.FieldError(IF_MATCH, error.detail()) : error)
                .toList();
        Problem problem = new Problem(e.type(), e.title(), e.status(), e.getMessage(), instance,
                requestId == null ? null : requestId.toString(), errors);
        return new BatchItemResult(index, ref, BatchOutcome.REJECTED, null, null, problem);
    }

    /** SQLSTATE class 22 (a value PostgreSQL cannot hold) somewhere in the causes. */
    private static boolean isDataException(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }
}
