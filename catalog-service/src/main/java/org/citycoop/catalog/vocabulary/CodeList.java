package org.citycoop.catalog.vocabulary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One vocabulary's codes, immutable, in the codelist's order. */
public final class CodeList {

    private final Vocabulary vocabulary;
    private final Map<String, Code> byCode;
    private final List<Code> active;

    CodeList(Vocabulary vocabulary, List<Code> codes) {
        this.vocabulary = vocabulary;
        Map<String, Code> map = new LinkedHashMap<>();
        for (Code code : codes) {
            if (map.putIfAbsent(code.code(), code) != null) {
                throw new IllegalArgumentException(vocabulary.iatiCodelist() + " lists code " + code.code() + " twice");
            }
        }
        this.byCode = java.util.Collections.unmodifiableMap(map);
        this.active = codes.stream().filter(Code::active).toList();
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The code, active or withdrawn; empty when the list does not know it. */
    public Optional<Code> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The codes allowed in new data, in the codelist's order. */
    public List<Code> activeCodes() {
        return active;
    }

    /** Number of codes, active and withdrawn. */
    public int size() {
        return byCode.size();
    }
}
