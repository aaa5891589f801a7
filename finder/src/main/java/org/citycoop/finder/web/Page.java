package org.citycoop.finder.web;

/**
 * What the layout of every page needs: its language, title, which section of the navigation it belongs to, its own
 * address (for the canonical link) and the same page in the other language (the switch), both as paths from the root.
 */
public record Page(Lang lang, String title, String section, String selfUrl, String switchUrl) {

    /** The other language's own name ("日本語", "English"), for the switch. */
    public String otherName() {
        return lang.other() == Lang.JA ? "日本語" : "English";
    }

    public String home() {
        return "/finder/" + lang.code() + "/";
    }

    /**
     * @param path the path after {@code /finder/<lang>}, e.g. {@code /schemes/42}
     * @param query the query string without {@code ?}, or empty
     */
    public static Page of(Lang lang, String title, String section, String path, String query) {
        String suffix = path + (query == null || query.isEmpty() ? "" : "?" + query);
        return new Page(lang, title, section, "/finder/" + lang.code() + suffix, "/finder/" + lang.other().code() + suffix);
    }
}
