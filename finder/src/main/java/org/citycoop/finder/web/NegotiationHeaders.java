package org.citycoop.finder.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Locale;

/**
 * A malformed {@code Accept-Language} or {@code Accept} ({@code en;q=2}, {@code a,,}, {@code *}{@code /*;q=x}) is
 * ignored, as RFC 9110 allows, before anything reads it: the visitor gets the page in the language of its path
 * rather than an error.
 */
public class NegotiationHeaders {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final java.util.regex.Pattern MEDIA_RANGE = java.util.regex.Pattern.compile(TOKEN + "/" + TOKEN);
    private static final java.util.regex.Pattern PARAMETER = java.util.regex.Pattern.compile(TOKEN + "=(" + TOKEN + "|\"[^\"]*\")");
    /** RFC 9110 weight: 0 to 1 with at most three decimals. */
    private static final java.util.regex.Pattern QUALITY = java.util.regex.Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    @ServerRequestFilter(preMatching = true)
    public void dropMalformed(ContainerRequestContext request) {
        String languages = request.getHeaderString("Accept-Language");
        if (languages != null && !wellFormedLanguages(languages)) {
            request.getHeaders().remove("Accept-Language");
        }
        String accept = request.getHeaderString("Accept");
        if (accept != null && !wellFormedAccept(accept)) {
            request.getHeaders().remove("Accept");
        }
    }

    static boolean wellFormedLanguages(String value) {
        try {
            return elementsPresent(value) && !Locale.LanguageRange.parse(value).isEmpty();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean wellFormedAccept(String value) {
        if (!elementsPresent(value)) {
            return false;
        }
        for (String element : value.split(",")) {
            String[] parts = element.trim().split(";", -1);
            if (!MEDIA_RANGE.matcher(parts[0].trim()).matches()) {
                return false;
            }
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.regionMatches(true, 0, "q=", 0, 2) ? !QUALITY.matcher(parameter.substring(2)).matches()
                        : !PARAMETER.matcher(parameter).matches()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean elementsPresent(String value) {
        for (String element : value.split(",", -1)) {
            if (element.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
