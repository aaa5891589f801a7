package org.citycoop.catalog.vocabulary;

import org.citycoop.platform.problem.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every vocabulary, loaded once and immutable: checks the codes in requests and lists the allowed ones.
 * A plain class, so that domain rules and their unit tests use it without CDI; {@link VocabularyProducer}
 * makes the application's single instance.
 */
public final class Vocabularies {

    private final Map<Vocabulary, CodeList> lists;

    private Vocabularies(Map<Vocabulary, CodeList> lists) {
        this.lists = lists;
    }

    /** Loads every vocabulary from the CSV files on the classpath; fails when one is missing or malformed. */
    public static Vocabularies load() {
        Map<Vocabulary, CodeList> lists = new EnumMap<>(Vocabulary.class);
        ClassLoader loader = Vocabularies.class.getClassLoader();
        for (Vocabulary vocabulary : Vocabulary.values()) {
            try (InputStream csv = loader.getResourceAsStream(vocabulary.resource())) {
                if (csv == null) {
                    throw new IllegalStateException("Missing codelist on the classpath: " + vocabulary.resource());
                }
                lists.put(vocabulary, CodeListReader.read(vocabulary, csv));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Vocabularies(lists);
    }

    public CodeList list(Vocabulary vocabulary) {
        return lists.get(vocabulary);
    }

    /**
     * Checks one code of a request.
     *
     * @param field the JSON path of the value, for example {@code sectors[1]}
     * @param code the value; null is not checked here (whether a field is required is decided elsewhere)
     * @return the error naming the field and where the allowed codes are listed, or empty when the code
     *     is active
     */
    public Optional<Problem.FieldError> check(Vocabulary vocabulary, String field, String code) {
        if (code == null) {
            return Optional.empty();
        }
        Optional<Code> known = lists.get(vocabulary).find(code);
        if (known.isEmpty()) {
            return Optional.of(new Problem.FieldError(field, "unknown " + vocabulary.label() + " code '" + code
                    + "'; the allowed codes are listed at GET " + vocabulary.allowedListUrl()));
        }
        if (!known.get().active()) {
            return Optional.of(new Problem.FieldError(field, vocabulary.label() + " code '" + code
                    + "' is withdrawn from the IATI " + vocabulary.iatiCodelist()
                    + " codelist; the allowed codes are listed at GET " + vocabulary.allowedListUrl()));
        }
        return Optional.empty();
    }

    /** Checks every code of a list, naming each failing one by its index ({@code field[i]}). */
    public void checkAll(Vocabulary vocabulary, String field, List<String> codes, List<Problem.FieldError> errors) {
        if (codes == null) {
            return;
        }
        for (int i = 0; i < codes.size(); i++) {
            String path = field + "[" + i + "]";
            if (codes.get(i) == null) {
                errors.add(new Problem.FieldError(path, "must not be null"));
            } else {
                check(vocabulary, path, codes.get(i)).ifPresent(errors::add);
            }
        }
    }
}
