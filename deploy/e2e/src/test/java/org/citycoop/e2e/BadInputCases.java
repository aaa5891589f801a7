package org.citycoop.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The cases of {@link BadInputIT}, generated from the merged OpenAPI document (read with Jackson as a
 * tree; {@code $ref}s are JSON pointers into it): for every operation a valid request built from the known
 * good values the test provides (ids of resources it made, bodies that the services accept), and invalid
 * variants of it derived from what the document says of each parameter and body field (type, enum,
 * format, pattern, length and range limits, required members). Which variants are sent is drawn with a
 * seeded {@link Random}, so a seed gives the same cases again.
 */
final class BadInputCases {

    /** What an answer must be. */
    enum Expect {
        /** Bad input: a 4xx problem; a 2xx is a failure ("accepted"). */
        REFUSE,
        /** May be taken or refused: never a 5xx, and a refusal is a problem. */
        ANY
    }

    /**
     * One request to send. {@code field} is the parameter or body member the variant broke, which a 400 or
     * 422 problem must name; null when the request as a whole is broken. {@code anonymous}: sent without a key.
     */
    record Case(String operation, String category, String variant, String field, Expect expect, boolean anonymous,
                RawHttp.Request request) {
    }

    /** An operation of the document with its valid request and the variants of it. */
    static final class Plan {
        final String method;
        final String path;
        final String operation;
        final boolean hasIfMatch;
        final boolean sendsAsAdmin;
        final String skipReason;
        RawHttp.Request valid;
        final List<Case> cases = new ArrayList<>();
        /** GETs whose answers must not change while variants are refused; the first gives the If-Match value. */
        final List<String> watch = new ArrayList<>();

        Plan(String method, String path, boolean hasIfMatch, String skipReason) {
            this.method = method;
            this.path = path;
            this.operation = method + " " + path;
            this.hasIfMatch = hasIfMatch;
            this.skipReason = skipReason;
            this.sendsAsAdmin = skipReason == null;
        }

        boolean changesState() {
            return !method.equals("GET");
        }

        /** A DELETE's valid request goes last, so that its variants meet the resource still there. */
        boolean validLast() {
            return method.equals("DELETE");
        }
    }

    /** Replaced by the current ETag of the plan's first watched resource when sent (dropped when there is none). */
    static final String CURRENT_ETAG = "\u0000etag\u0000";
    private static final String RAW = "__citycoop_fuzz_raw__";
    private static final String INVALID_UTF8 = "__citycoop_fuzz_invalid_utf8__";
    private static final int DEEP = 3000;

    private final JsonNode document;
    private final ObjectMapper mapper;
    private final Random random;
    private final int perField;
    private final Fixtures fixtures;
    final List<String> notes = new ArrayList<>();

    /** Known good values the test made or found: path parameters, bodies, extra watched GETs, operations not sent as admin. */
    interface Fixtures {
        /** The value of a path parameter of an operation ({@code METHOD path}), percent-encoded as needed. */
        String pathValue(String operation, String path, String name);

        /** A body the operation accepts, or null when the document's example is to be used. */
        String body(String operation);

        /** GETs beside the nearest one up the path, whose answers a refused request must leave unchanged. */
        List<String> extraWatch(String operation);

        /** The GET whose ETag goes in If-Match, when not the nearest GET up the path; null for that one. */
        String etagSource(String operation);

        /** Why the operation is not sent with the admin key, or null. */
        String skipReason(String operation);
    }

    BadInputCases(JsonNode document, ObjectMapper mapper, long seed, int perField, Fixtures fixtures) {
        this.document = document;
        this.mapper = mapper;
        this.random = new Random(seed);
        this.perField = perField;
        this.fixtures = fixtures;
    }

    /** Every operation of the document, in its order, with its cases. */
    List<Plan> plans() {
        List<Plan> plans = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String path = entry.getKey();
            JsonNode item = entry.getValue();
            for (String method : List.of("get", "put", "post", "delete", "patch")) {
                JsonNode op = item.get(method);
                if (op != null) {
                    plans.add(plan(method.toUpperCase(Locale.ROOT), path, item, op));
                }
            }
            plans.add(methodNotAllowed(path, item));
        }
        return plans;
    }

    private Plan methodNotAllowed(String path, JsonNode item) {
        Plan plan = new Plan("PATCH", path, false, "not an operation of the document: one PATCH, which must be a 405 problem");
        plan.cases.add(new Case("PATCH " + path, "method-not-allowed", "PATCH, which the document does not list", null,
                Expect.REFUSE, false, new RawHttp.Request("PATCH", fill(plan.operation, path, null, null))
                        .header("Content-Type", "application/json").body("{}")));
        return plan;
    }

    private Plan plan(String method, String path, JsonNode item, JsonNode op) {
        String operation = method + " " + path;
        List<JsonNode> parameters = new ArrayList<>();
        op.path("parameters").forEach(p -> parameters.add(resolve(p)));
        item.path("parameters").forEach(p -> {
            JsonNode resolved = resolve(p);
            if (parameters.stream().noneMatch(q -> q.path("name").asText().equals(resolved.path("name").asText())
                    && q.path("in").asText().equals(resolved.path("in").asText()))) {
                parameters.add(resolved);
            }
        });
        boolean ifMatch = parameters.stream().anyMatch(p -> p.path("in").asText().equals("header")
                && p.path("name").asText().equalsIgnoreCase("If-Match"));
        Plan plan = new Plan(method, path, ifMatch, fixtures.skipReason(operation));

        StringBuilder requiredQuery = new StringBuilder();
        for (JsonNode parameter : parameters) {
            if (parameter.path("in").asText().equals("query") && parameter.path("required").asBoolean(false)) {
                requiredQuery.append(requiredQuery.length() == 0 ? "?" : "&").append(parameter.path("name").asText()).append('=')
                        .append(validValue(resolve(parameter.path("schema"))));
            }
        }
        RawHttp.Request valid = new RawHttp.Request(method, fill(operation, path, null, null) + requiredQuery);
        String contentType = null;
        JsonNode bodySchema = null;
        String body = null;
        JsonNode requestBody = resolve(op.path("requestBody"));
        if (requestBody.has("content")) {
            Map.Entry<String, JsonNode> first = requestBody.path("content").fields().next();
            contentType = first.getKey();
            JsonNode media = first.getValue();
            bodySchema = resolve(media.path("schema"));
            body = fixtures.body(operation);
            if (body == null && media.has("example")) {
                body = media.get("example").toString();
            }
            if (body == null) {
                notes.add(operation + ": no valid body known; body variants left out");
            } else {
                valid.header("Content-Type", contentType).body(body);
            }
        }
        if (ifMatch) {
            valid.header("If-Match", CURRENT_ETAG);
        }
        plan.valid = valid;
        String etagSource = fixtures.etagSource(operation);
        if (etagSource != null) {
            plan.watch.add(etagSource);
        }
        plan.watch.addAll(watchFor(operation, path));
        plan.watch.addAll(fixtures.extraWatch(operation));

        // anonymous: the same valid request without a key (public reads answer, the rest is 401/403)
        plan.cases.add(new Case(operation, "anonymous", "the valid request without a key", null, Expect.ANY, true, valid.copy()));
        if (!plan.sendsAsAdmin) {
            return plan;
        }
        for (JsonNode parameter : parameters) {
            String in = parameter.path("in").asText();
            String name = parameter.path("name").asText();
            JsonNode schema = resolve(parameter.path("schema"));
            String description = parameter.path("description").asText("") + " " + schema.path("description").asText("");
            switch (in) {
                case "path" -> pathCases(plan, valid, name, schema);
                case "query" -> queryCases(plan, valid, name, schema, description);
                case "header" -> headerCases(plan, valid, name, description);
                default -> { }
            }
        }
        if (body != null) {
            bodyCases(plan, valid, contentType, bodySchema, body);
        }
        return plan;
    }

    // ---------------------------------------------------------------- path, query, header

    private String fill(String operation, String path, String mutatedName, String mutatedValue) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
        int last = 0;
        while (m.find()) {
            out.append(path, last, m.start());
            String name = m.group(1);
            out.append(name.equals(mutatedName) ? mutatedValue : fixtures.pathValue(operation, path, name));
            last = m.end();
        }
        return out.append(path.substring(last)).toString();
    }

    private void pathCases(Plan plan, RawHttp.Request valid, String name, JsonNode schema) {
        List<String[]> values = new ArrayList<>(List.of(
                new String[] {"malformed-percent-encoding", "%zz"},
                new String[] {"malformed-percent-encoding", "ab%"},
                new String[] {"malformed-percent-encoding", "%E0%A4"},
                new String[] {"nul", "a%00b"},
                new String[] {"lone-surrogate", "a%ED%A0%80b"},
                new String[] {"overlong-utf8", "%C0%AF"},
                new String[] {"long-string", "x".repeat(2500)},
                new String[] {"malformed-id", "%20"},
                new String[] {"malformed-id", "..%2F..%2Fetc"},
                new String[] {"malformed-id", "%E2%80%AEdi"}));
        if ("uuid".equals(schema.path("format").asText())) {
            values.add(new String[] {"malformed-id", "not-a-uuid"});
            values.add(new String[] {"malformed-id", "00000000-0000-0000-0000-00000000000g"});
        }
        for (String[] value : pick(values)) {
            String target = fill(plan.operation, plan.path, name, value[1]);
            plan.cases.add(new Case(plan.operation, value[0], "path " + name + "=" + abbreviate(value[1]), name,
                    Expect.REFUSE, false, valid.withTarget(target + query(valid.target))));
        }
    }

    /** A value of a required query parameter: its default, first example or enum value, or its minimum. */
    private String validValue(JsonNode schema) {
        JsonNode items = type(schema).equals("array") ? resolve(schema.path("items")) : schema;
        for (JsonNode candidate : List.of(items.path("default"), items.path("examples").path(0), items.path("enum").path(0),
                items.path("minimum"))) {
            if (!candidate.isMissingNode() && !candidate.isNull()) {
                return java.net.URLEncoder.encode(candidate.asText(), StandardCharsets.UTF_8);
            }
        }
        notes.add("no value known for a required query parameter of schema " + schema);
        return "";
    }

    /** The target with the query parameter {@code name} set to {@code value} (replacing a value it had). */
    private static String withQuery(String target, String name, String value) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        List<String> pairs = new ArrayList<>();
        if (q >= 0) {
            for (String pair : target.substring(q + 1).split("&")) {
                if (!pair.startsWith(name + "=")) {
                    pairs.add(pair);
                }
            }
        }
        pairs.add(name + "=" + value);
        return path + "?" + String.join("&", pairs);
    }

    private static String query(String target) {
        int q = target.indexOf('?');
        return q < 0 ? "" : target.substring(q);
    }

    private void queryCases(Plan plan, RawHttp.Request valid, String name, JsonNode schema, String description) {
        JsonNode items = schema.path("type").asText().equals("array") ? resolve(schema.path("items")) : schema;
        String type = type(items);
        String text = description.toLowerCase(Locale.ROOT);
        List<String[]> values = new ArrayList<>();
        // what any parameter may get
        values.add(new String[] {"malformed-percent-encoding", "%zz"});
        values.add(new String[] {"malformed-percent-encoding", "a%"});
        values.add(new String[] {"nul", "a%00b"});
        values.add(new String[] {"lone-surrogate", "a%ED%A0%80b"});
        boolean freeText = text.contains("full text") || name.equals("q") || name.equals("city") || name.equals("agency");
        boolean integer = type.equals("integer") || name.equals("limit");
        boolean number = type.equals("number") || text.contains("decimal") || text.contains("wgs 84") || text.contains(" km");
        boolean time = "date-time".equals(items.path("format").asText()) || text.contains("rfc 3339");
        boolean cursor = name.equals("cursor") || text.contains("cursor");
        boolean enumerated = items.has("enum");
        boolean code = text.contains("code") || text.contains("iso ") || text.contains("bcp 47")
                || text.contains("(default") || text.contains(" among ") || text.contains("order:");
        if (integer) {
            values.addAll(List.of(new String[] {"wrong-type", "abc"}, new String[] {"wrong-type", "1.5"},
                    new String[] {"wrong-type", ""}, new String[] {"huge-number", "99999999999999999999"},
                    new String[] {"out-of-range", "-1"}, new String[] {"out-of-range", "0"},
                    new String[] {"out-of-range", String.valueOf(items.path("maximum").asLong(100) + 1)},
                    new String[] {"wrong-type", "0x10"}));
        } else if (number) {
            values.addAll(List.of(new String[] {"wrong-type", "abc"}, new String[] {"non-finite", "NaN"},
                    new String[] {"non-finite", "Infinity"}, new String[] {"huge-number", "1e400"},
                    new String[] {"huge-number", "9".repeat(400)}, new String[] {"wrong-type", "1,5"}));
        } else if (type.equals("boolean")) {
            values.addAll(List.of(new String[] {"wrong-type", "yes"}, new String[] {"wrong-type", "2"}));
        } else if (time) {
            values.addAll(List.of(new String[] {"bad-date", "2027-02-30T00:00:00Z"}, new String[] {"bad-offset", "2027-01-01T00:00:00"},
                    new String[] {"bad-offset", "2027-01-01T00:00:00%2B25:00"}, new String[] {"bad-date", "tomorrow"}));
        } else if (cursor) {
            values.addAll(List.of(new String[] {"malformed-cursor", "zzz"}, new String[] {"malformed-cursor", "!!!!"},
                    new String[] {"malformed-cursor", "AAAAAAAA"}, new String[] {"malformed-cursor", "eyJ4IjoxfQ"},
                    new String[] {"malformed-cursor", "Y2hhbmdlcx8tMQ"}, new String[] {"long-string", "A".repeat(2500)}));
        } else if (enumerated) {
            values.add(new String[] {"unknown-enum", "NOT_A_VALUE"});
            values.add(new String[] {"unknown-enum", ""});
        } else if (code && !freeText) {
            values.add(new String[] {"unknown-code", "QQ%21"});
            values.add(new String[] {"long-string", "Q".repeat(2500)});
        }
        if (schema.has("maxLength")) {
            values.add(new String[] {"long-string", "x".repeat(schema.path("maxLength").asInt() + 1)});
        }
        boolean strict = !freeText || schema.has("maxLength");
        for (String[] value : pick(values)) {
            boolean always = value[0].equals("malformed-percent-encoding") || value[0].equals("nul") || value[0].equals("lone-surrogate");
            String target = withQuery(valid.target, name, value[1]);
            // an empty value may be read as no value, and a cursor that decodes may be a position: either may be taken
            boolean lenient = value[1].isEmpty() || value[1].equals("eyJ4IjoxfQ");
            plan.cases.add(new Case(plan.operation, value[0], "query " + name + "=" + abbreviate(value[1]), name,
                    (strict || always) && !lenient ? Expect.REFUSE : Expect.ANY, false, valid.withTarget(target)));
        }
    }

    private void headerCases(Plan plan, RawHttp.Request valid, String name, String description) {
        List<String[]> values = new ArrayList<>();
        Expect expect = Expect.REFUSE;
        if (name.equalsIgnoreCase("If-Match")) {
            values.addAll(List.of(new String[] {"malformed-conditional", "1"}, new String[] {"malformed-conditional", "\"1"},
                    new String[] {"malformed-conditional", "\"1\" \"2\""}, new String[] {"malformed-conditional", "W/"},
                    new String[] {"malformed-conditional", "\"" + "9".repeat(3000) + "\""},
                    new String[] {"malformed-conditional", "\"-1\""}));
        } else if (name.equalsIgnoreCase("If-None-Match")) {
            // a malformed If-None-Match may be ignored (RFC 9110 13.1.2), so the answer may be a 200
            expect = Expect.ANY;
            values.addAll(List.of(new String[] {"malformed-conditional", "\"1"}, new String[] {"malformed-conditional", "1, ,"},
                    new String[] {"malformed-conditional", "W/"}));
        } else if (name.equalsIgnoreCase("Idempotency-Key")) {
            // a control character in a header value is the HTTP layer's to refuse (BadInputIT's raw cases)
            values.addAll(List.of(new String[] {"long-string", "k".repeat(256)}, new String[] {"empty", ""},
                    new String[] {"non-ascii", "cl\u00e9"}));
        } else if (name.equalsIgnoreCase("Accept-Language")) {
            expect = Expect.ANY;
            values.addAll(List.of(new String[] {"malformed-header", "!!;q=abc"}, new String[] {"long-string", "en-".repeat(1500)}));
        } else {
            values.add(new String[] {"long-string", "x".repeat(3000)});
        }
        for (String[] value : pick(values)) {
            RawHttp.Request request = valid.copy().without(name).header(name, value[1]);
            plan.cases.add(new Case(plan.operation, value[0], "header " + name + ": " + abbreviate(value[1]), name,
                    expect, false, request));
        }
    }

    // ---------------------------------------------------------------- bodies

    private void bodyCases(Plan plan, RawHttp.Request valid, String contentType, JsonNode schema, String body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(plan.operation + ": the valid body is not JSON: " + body, e);
        }
        // the body as a whole
        List<Case> whole = new ArrayList<>();
        whole.add(bodyCase(plan, valid, "empty-body", "no body", null, new byte[0]));
        whole.add(bodyCase(plan, valid, "null", "the body null", null, bytes("null")));
        whole.add(bodyCase(plan, valid, "wrong-type", "the body of the other JSON kind", null, bytes(root.isArray() ? "{}" : "[]")));
        whole.add(bodyCase(plan, valid, "wrong-type", "the body a number", null, bytes("42")));
        whole.add(bodyCase(plan, valid, "malformed-json", "{ not json", null, bytes("{ not json")));
        whole.add(bodyCase(plan, valid, "malformed-json", "cut in half", null, bytes(body.substring(0, body.length() / 2))));
        whole.add(bodyCase(plan, valid, "trailing-garbage", "the body, then }x", null, bytes(body + "}x")));
        whole.add(bodyCase(plan, valid, "trailing-garbage", "the body twice", null, bytes(body + body)));
        whole.add(bodyCase(plan, valid, "deep-nesting", DEEP + " nested arrays", null, bytes("[".repeat(DEEP) + "]".repeat(DEEP))));
        if (root.isObject() && root.size() > 0) {
            String key = root.fieldNames().next();
            whole.add(bodyCase(plan, valid, "duplicate-key", "\"" + key + "\" twice", key,
                    bytes("{\"" + key + "\":" + root.get(key) + "," + body.trim().substring(1))));
            String textField = firstTextField(root);
            if (textField != null) {
                ObjectNode copy = root.deepCopy();
                copy.put(textField, INVALID_UTF8);
                byte[] broken = replace(bytes(copy.toString()), INVALID_UTF8.getBytes(StandardCharsets.US_ASCII),
                        new byte[] {'a', (byte) 0xC3, (byte) 0x28, 'b'});
                whole.add(bodyCase(plan, valid, "invalid-utf8", "bytes C3 28 in " + textField, null, broken));
            }
        }
        for (String type : List.of("", "text/plain", "application/xml", "application/x-www-form-urlencoded", "json", "application/json;charset")) {
            RawHttp.Request request = valid.copy().without("Content-Type");
            if (!type.isEmpty()) {
                request.header("Content-Type", type);
            }
            whole.add(new Case(plan.operation, type.isEmpty() ? "missing-content-type" : "wrong-content-type",
                    type.isEmpty() ? "no Content-Type" : "Content-Type: " + type, null, Expect.REFUSE, false, request));
        }
        plan.cases.addAll(whole);
        // each member the schema describes
        if (root.isObject() && schema.path("properties").isObject()) {
            memberCases(plan, valid, root, new ArrayList<>(), schema);
        } else if (!schema.path("properties").isObject()) {
            notes.add(plan.operation + ": the document gives no member schema for " + contentType + " bodies; only whole-body variants");
        }
    }

    private Case bodyCase(Plan plan, RawHttp.Request valid, String category, String variant, String field, byte[] body) {
        return new Case(plan.operation, category, "body: " + variant, field, Expect.REFUSE, false, valid.copy().body(body));
    }

    /** Variants of each member of the object at {@code at} (present in the valid body or only described), then of its nested objects. */
    private void memberCases(Plan plan, RawHttp.Request valid, JsonNode root, List<Object> at, JsonNode schema) {
        JsonNode object = get(root, at);
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        schema.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), resolve(e.getValue())));
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        List<Mutation> mutations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : properties.entrySet()) {
            List<Object> path = new ArrayList<>(at);
            path.add(property.getKey());
            List<Mutation> own = mutationsOf(property.getKey(), path, property.getValue(), required.contains(property.getKey()),
                    object.get(property.getKey()), property.getValue().path("description").asText(""));
            mutations.addAll(pick(own));
        }
        if (!schema.path("additionalProperties").isObject()) {
            List<Object> path = new ArrayList<>(at);
            path.add("fuzzUnknownMember");
            mutations.add(new Mutation("unknown-member", "fuzzUnknownMember", path, "1", false));
        }
        for (Mutation mutation : mutations) {
            byte[] body = apply(root, mutation);
            plan.cases.add(new Case(plan.operation, mutation.category, "body " + pointer(mutation.path) + ": "
                    + (mutation.remove ? "left out" : abbreviate(mutation.raw)), mutation.field, Expect.REFUSE, false,
                    valid.copy().body(body)));
        }
        for (Map.Entry<String, JsonNode> property : properties.entrySet()) {
            JsonNode value = object.get(property.getKey());
            JsonNode propertySchema = property.getValue();
            List<Object> path = new ArrayList<>(at);
            path.add(property.getKey());
            if (value != null && value.isObject() && propertySchema.path("properties").isObject()) {
                memberCases(plan, valid, root, path, propertySchema);
            } else if (value != null && value.isArray() && value.size() > 0 && value.get(0).isObject()) {
                JsonNode itemSchema = resolve(propertySchema.path("items"));
                if (itemSchema.path("properties").isObject()) {
                    path.add(0);
                    memberCases(plan, valid, root, path, itemSchema);
                }
            }
        }
    }

    private record Mutation(String category, String field, List<Object> path, String raw, boolean remove) {
    }

    /** The invalid values of one member, as JSON text, from what its schema says. */
    private List<Mutation> mutationsOf(String name, List<Object> path, JsonNode schema, boolean required, JsonNode current,
                                       String description) {
        boolean code = codeLike(example(schema, current)) && describesCode(description + " " + schema.path("description").asText(""))
                && !dateLike(name);
        List<Mutation> out = new ArrayList<>();
        String type = type(schema);
        boolean nullable = nullable(schema);
        if (required) {
            out.add(new Mutation("missing-required", name, path, null, true));
            if (!nullable) {
                out.add(new Mutation("null", name, path, "null", false));
            }
        }
        switch (type) {
            case "string" -> {
                out.add(new Mutation("wrong-type", name, path, "42", false));
                out.add(new Mutation("wrong-type", name, path, "{\"a\":1}", false));
                out.add(new Mutation("nul", name, path, "\"a\\u0000b\"", false));
                out.add(new Mutation("lone-surrogate", name, path, "\"a\\ud800b\"", false));
                String format = schema.path("format").asText("");
                String example = example(schema, current);
                if (schema.has("maxLength")) {
                    out.add(new Mutation("long-string", name, path, quote("x".repeat(schema.path("maxLength").asInt() + 1)), false));
                } else if (schema.has("enum") || schema.has("pattern") || !format.isEmpty() || code) {
                    out.add(new Mutation("long-string", name, path, quote("Q".repeat(10_000)), false));
                }
                if (schema.has("enum")) {
                    out.add(new Mutation("unknown-enum", name, path, "\"NOT_A_VALUE\"", false));
                    out.add(new Mutation("unknown-enum", name, path,
                            quote(schema.path("enum").get(0).asText().toLowerCase(Locale.ROOT) + " "), false));
                }
                if (code) {
                    out.add(new Mutation("unknown-code", name, path, quote(example.replaceAll("[A-Z]", "Q").replaceAll("[0-9]", "9")), false));
                }
                String violating = violating(schema.path("pattern").asText(null));
                if (violating != null) {
                    out.add(new Mutation("pattern", name, path, quote(violating), false));
                }
                if (format.equals("date") || dateLike(name)) {
                    out.add(new Mutation("bad-date", name, path, "\"2027-02-30\"", false));
                    out.add(new Mutation("bad-date", name, path, "\"2027-13\"", false));
                    out.add(new Mutation("bad-date", name, path, "\"29/11/2026\"", false));
                }
                if (format.equals("date-time")) {
                    out.add(new Mutation("bad-offset", name, path, "\"2027-01-10T09:00:00\"", false));
                    out.add(new Mutation("bad-offset", name, path, "\"2027-01-10T09:00:00+25:00\"", false));
                    out.add(new Mutation("bad-date", name, path, "\"2027-02-30T09:00:00Z\"", false));
                    out.add(new Mutation("bad-date", name, path, "20270110", false));
                }
                if (format.equals("uuid")) {
                    out.add(new Mutation("malformed-id", name, path, "\"not-a-uuid\"", false));
                }
                if (example != null && isNumber(example)) {
                    out.add(new Mutation("non-finite", name, path, "\"NaN\"", false));
                    out.add(new Mutation("huge-number", name, path, "\"1e400\"", false));
                    out.add(new Mutation("huge-number", name, path, quote("9".repeat(400)), false));
                    out.add(new Mutation("out-of-range", name, path, "\"-1\"", false));
                }
            }
            case "integer", "number" -> {
                out.add(new Mutation("wrong-type", name, path, "\"12\"", false));
                out.add(new Mutation("wrong-type", name, path, "true", false));
                out.add(new Mutation("non-finite", name, path, "NaN", false));
                out.add(new Mutation("non-finite", name, path, "-Infinity", false));
                out.add(new Mutation("huge-number", name, path, "1e400", false));
                out.add(new Mutation("huge-number", name, path, "-1e400", false));
                if (type.equals("integer")) {
                    out.add(new Mutation("huge-number", name, path, "123456789012345678901234567890", false));
                    out.add(new Mutation("wrong-type", name, path, "1.5", false));
                }
                if (schema.has("minimum")) {
                    out.add(new Mutation("out-of-range", name, path, schema.get("minimum").decimalValue().subtract(BigDecimal.ONE).toPlainString(), false));
                }
                if (schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber()) {
                    out.add(new Mutation("out-of-range", name, path, schema.get("exclusiveMinimum").decimalValue().toPlainString(), false));
                }
                if (schema.has("maximum")) {
                    out.add(new Mutation("out-of-range", name, path, schema.get("maximum").decimalValue().add(BigDecimal.ONE).toPlainString(), false));
                }
            }
            case "boolean" -> {
                out.add(new Mutation("wrong-type", name, path, "\"true\"", false));
                out.add(new Mutation("wrong-type", name, path, "1", false));
            }
            case "array" -> {
                out.add(new Mutation("wrong-type", name, path, "{}", false));
                out.add(new Mutation("wrong-type", name, path, "\"x\"", false));
                out.add(new Mutation("null", name, path, "[null]", false));
                out.add(new Mutation("deep-nesting", name, path, "[".repeat(DEEP) + "]".repeat(DEEP), false));
                if (schema.has("maxItems") && current != null && current.size() > 0) {
                    int n = schema.path("maxItems").asInt() + 1;
                    out.add(new Mutation("too-many-items", name, path, "[" + String.join(",", Collections.nCopies(n, current.get(0).toString())) + "]", false));
                }
                if (schema.path("minItems").asInt(0) > 0) {
                    out.add(new Mutation("too-few-items", name, path, "[]", false));
                }
                JsonNode items = resolve(schema.path("items"));
                if (current != null && current.size() > 0 && !items.path("properties").isObject()) {
                    List<Object> first = new ArrayList<>(path);
                    first.add(0);
                    for (Mutation m : mutationsOf(name, first, items, false, current.get(0), description)) {
                        out.add(m);
                    }
                }
            }
            case "object" -> {
                out.add(new Mutation("wrong-type", name, path, "\"x\"", false));
                out.add(new Mutation("wrong-type", name, path, "[]", false));
                out.add(new Mutation("deep-nesting", name, path, "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP), false));
                if (schema.path("additionalProperties").isObject()) {
                    List<Object> key = new ArrayList<>(path);
                    key.add("not a key!");
                    out.add(new Mutation("bad-key", name, key, "\"x\"", false));
                }
            }
            default -> notes.add("no type for member " + pointer(path));
        }
        return out;
    }

    private byte[] apply(JsonNode root, Mutation mutation) {
        JsonNode copy = root.deepCopy();
        List<Object> path = mutation.path;
        JsonNode parent = get(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (mutation.remove) {
            ((ObjectNode) parent).remove((String) last);
            return bytes(copy.toString());
        }
        if (parent instanceof ObjectNode object) {
            object.set((String) last, TextNode.valueOf(RAW));
        } else if (parent instanceof ArrayNode array) {
            array.set((Integer) last, TextNode.valueOf(RAW));
        } else {
            throw new IllegalStateException("no container at " + pointer(path));
        }
        return bytes(copy.toString().replace("\"" + RAW + "\"", mutation.raw));
    }

    // ---------------------------------------------------------------- helpers

    /** What the first GET up the path (the resource itself, else its parent, ...) answers is watched. */
    private List<String> watchFor(String operation, String path) {
        String[] segments = path.split("/");
        for (int n = segments.length; n > 1; n--) {
            String prefix = String.join("/", java.util.Arrays.copyOf(segments, n));
            if (document.path("paths").path(prefix).has("get")) {
                return List.of(fill(operation, prefix, null, null));
            }
        }
        return List.of();
    }

    JsonNode resolve(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return mapper.createObjectNode();
        }
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            JsonNode target = resolve(document.at(ref.substring(1)));
            ObjectNode merged = target.deepCopy();
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("$ref")) {
                    merged.set(e.getKey(), e.getValue());
                }
            });
            return merged;
        }
        if (node.has("anyOf") && !node.has("properties")) {
            for (JsonNode option : node.get("anyOf")) {
                JsonNode resolved = resolve(option);
                if (!type(resolved).equals("null")) {
                    ObjectNode merged = resolved.deepCopy();
                    node.fields().forEachRemaining(e -> {
                        if (!e.getKey().equals("anyOf")) {
                            merged.set(e.getKey(), e.getValue());
                        }
                    });
                    return merged;
                }
            }
        }
        return node;
    }

    /** The type, the first that is not null for an OpenAPI 3.1 list; "string" for a bare enum. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
            return "null";
        }
        if (schema.has("enum")) {
            return "string";
        }
        if (schema.has("properties")) {
            return "object";
        }
        return "";
    }

    private static boolean nullable(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.asText().equals("null")) {
                    return true;
                }
            }
        }
        return schema.path("nullable").asBoolean(false);
    }

    private static String example(JsonNode schema, JsonNode current) {
        if (current != null && current.isTextual()) {
            return current.asText();
        }
        JsonNode examples = schema.path("examples");
        if (examples.isArray() && examples.size() > 0 && examples.get(0).isTextual()) {
            return examples.get(0).asText();
        }
        return null;
    }

    /** A code from a list (country, currency, DAC sector, IATI code): upper-case letters and digits, 2 to 6. */
    private static boolean codeLike(String example) {
        return example != null && example.matches("[A-Z0-9]{2,6}");
    }

    /** A member whose description names a code list (ISO, IATI, DAC, a vocabulary of the catalogue). */
    private static boolean describesCode(String description) {
        String text = description.toLowerCase(Locale.ROOT);
        return text.contains("code") || text.contains("iso ") || text.contains("iati") || text.contains("vocabular");
    }

    private static boolean dateLike(String name) {
        return name.endsWith("Date") || name.endsWith("On") || name.equals("start") || name.equals("end");
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A value the pattern finds nothing in, so it is invalid whether the pattern is anchored or not. */
    private static String violating(String pattern) {
        if (pattern == null) {
            return null;
        }
        try {
            Pattern compiled = Pattern.compile(pattern);
            for (String candidate : List.of(" ", "!!", "-", "\u00e9\u00e9", "0")) {
                if (!compiled.matcher(candidate).find()) {
                    return candidate;
                }
            }
        } catch (PatternSyntaxException e) {
            return null;
        }
        return null;
    }

    private static String firstTextField(JsonNode root) {
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isTextual()) {
                return field.getKey();
            }
        }
        return null;
    }

    private static JsonNode get(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object segment : path) {
            node = segment instanceof Integer i ? node.get(i) : node.get((String) segment);
        }
        return node;
    }

    static String pointer(List<Object> path) {
        StringBuilder out = new StringBuilder();
        for (Object segment : path) {
            out.append('/').append(segment);
        }
        return out.toString();
    }

    private <T> List<T> pick(List<T> all) {
        List<T> copy = new ArrayList<>(all);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(perField, copy.size()));
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] replace(byte[] in, byte[] what, byte[] with) {
        String marker = new String(in, StandardCharsets.ISO_8859_1);
        int at = marker.indexOf(new String(what, StandardCharsets.ISO_8859_1));
        byte[] out = new byte[in.length - what.length + with.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(with, 0, out, at, with.length);
        System.arraycopy(in, at + what.length, out, at + with.length, in.length - at - what.length);
        return out;
    }

    static String abbreviate(String text) {
        String shown = text.replace("\u0000", "\\0").replace("\r", "\\r").replace("\n", "\\n").replace("\u0001", "\\x01");
        return shown.length() > 80 ? shown.substring(0, 60) + "...(" + shown.length() + " chars)" : shown;
    }
}
