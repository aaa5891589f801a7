package org.citycoop.finder.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The finder's languages, named by the first segment of every page's path ({@code /finder/en/...}, {@code /finder/ja/...}). */
public enum Lang {
    EN("en", Locale.ENGLISH),
    JA("ja", Locale.JAPANESE);

    private final String code;
    private final Locale locale;

    Lang(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** The other language, for the switch on every page. */
    public Lang other() {
        return this == EN ? JA : EN;
    }

    /** The language of a path segment, if it is one of ours. */
    public static Optional<Lang> of(String code) {
        for (Lang lang : values()) {
            if (lang.code.equals(code)) {
                return Optional.of(lang);
            }
        }
        return Optional.empty();
    }

    /** The first of the visitor's languages (in their order of preference) that the finder speaks; English otherwise. */
    public static Lang choose(List<Locale> acceptable) {
        for (Locale wanted : acceptable) {
            if (wanted.getLanguage().equals("*")) {
                return EN;
            }
            Optional<Lang> lang = of(wanted.getLanguage());
            if (lang.isPresent()) {
                return lang.get();
            }
        }
        return EN;
    }
}
