package org.citycoop.finder.i18n;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import org.citycoop.finder.web.Lang;

/** The message bundle in a language, for text made in code (notices, view models). */
public final class Texts {

    private Texts() {
    }

    public static Msg of(Lang lang) {
        return lang == Lang.EN ? MessageBundles.get(Msg.class) : MessageBundles.get(Msg.class, Localized.Literal.of(lang.code()));
    }
}
