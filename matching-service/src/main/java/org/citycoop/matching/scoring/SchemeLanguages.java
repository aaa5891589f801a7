package org.citycoop.matching.scoring;

import org.citycoop.matching.readmodel.SchemeData;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Languages of a scheme's texts and of a profile, compared by primary language subtag ({@code en-GB} is
 * {@code en}). The scheme's untagged {@code name} and {@code description} are English.
 */
public final class SchemeLanguages {

    static final String ENGLISH = "en";

    private SchemeLanguages() {
    }

    /** The languages the scheme has a name or description in. */
    static Set<String> available(SchemeData scheme) {
        Set<String> languages = new LinkedHashSet<>();
        scheme.names().keySet().forEach(tag -> languages.add(primary(tag)));
        scheme.descriptions().keySet().forEach(tag -> languages.add(primary(tag)));
        if (scheme.name() != null || scheme.description() != null) {
            languages.add(ENGLISH);
        }
        return languages;
    }

    /** The profile's languages, preferred first; English when it names none. */
    static List<String> wanted(NeedsProfile profile) {
        List<String> wanted = profile.languages().stream().map(SchemeLanguages::primary).distinct().toList();
        return wanted.isEmpty() ? List.of(ENGLISH) : wanted;
    }

    /** A scheme's name in one language, and that language's primary tag ({@code ja}, {@code en}). */
    public record Name(String text, String language) {
    }

    /** The scheme's name in the first of {@code languages} it has one in, else its English (default) name. */
    public static Name name(SchemeData scheme, List<String> languages) {
        Map<String, String> byLanguage = new HashMap<>();
        scheme.names().forEach((tag, name) -> byLanguage.putIfAbsent(primary(tag), name));
        for (String language : languages) {
            String name = byLanguage.get(primary(language));
            if (name != null) {
                return new Name(name, primary(language));
            }
        }
        return new Name(scheme.name() != null ? scheme.name() : byLanguage.get(ENGLISH), ENGLISH);
    }

    static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
