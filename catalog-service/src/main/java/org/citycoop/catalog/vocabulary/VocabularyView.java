package org.citycoop.catalog.vocabulary;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * A vocabulary as served at {@code GET /v1/vocabularies/{name}}: the codes allowed in new data.
 *
 * @param name the vocabulary's name in the URL
 * @param title what one code is
 * @param source where the list comes from, with its licence
 * @param items the active codes, in the codelist's order
 */
@Schema(name = "Vocabulary", description = "The codes a field accepts (active codes only), from an IATI Standard codelist.")
public record VocabularyView(
        @Schema(description = "Name of the vocabulary in the URL", example = "sectors") String name,
        @Schema(description = "What one code is", example = "DAC 5-digit sector") String title,
        @Schema(description = "Source and licence of the list",
                example = "IATI Standard (http://iatistandard.org/), codelist Sector; CC BY 4.0") String source,
        @Schema(description = "The active codes, in the codelist's order") List<Item> items) {

    /**
     * One code.
     *
     * @param code the code to send
     * @param name English name
     * @param names the name per language: {@code en} always, {@code fr} where the codelist has it
     * @param category the code's group in the codelist, where it has one (the 3-digit DAC category of a sector)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "VocabularyItem")
    public record Item(
            @Schema(description = "The code", example = "41010") String code,
            @Schema(description = "English name", example = "Environmental policy and administrative management") String name,
            @Schema(description = "Name per language (ISO 639-1): en always, fr where the codelist has one")
            Map<String, String> names,
            @Schema(description = "Group of the code in the codelist, where it has one (sectors: 3-digit DAC category)",
                    example = "410") String category) {

        static Item of(Code code) {
            Map<String, String> names = code.nameFr() == null
                    ? Map.of("en", code.nameEn())
                    : new java.util.TreeMap<>(Map.of("en", code.nameEn(), "fr", code.nameFr()));
            return new Item(code.code(), code.nameEn(), names, code.category());
        }
    }

    static VocabularyView of(CodeList list) {
        Vocabulary vocabulary = list.vocabulary();
        return new VocabularyView(vocabulary.pathName(), vocabulary.label(),
                "IATI Standard (http://iatistandard.org/), codelist " + vocabulary.iatiCodelist() + "; CC BY 4.0",
                list.activeCodes().stream().map(Item::of).toList());
    }
}
