package org.citycoop.catalog.vocabulary;

import org.citycoop.platform.problem.Problem;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VocabulariesTest {

    private static final Vocabularies VOCABULARIES = Vocabularies.load();

    @Test
    void loadsEveryShippedCodelist() {
        assertEquals(325, VOCABULARIES.list(Vocabulary.SECTORS).size());
        assertEquals(295, VOCABULARIES.list(Vocabulary.SECTORS).activeCodes().size());
        assertEquals(16, VOCABULARIES.list(Vocabulary.ORGANISATION_TYPES).size());
        assertEquals(251, VOCABULARIES.list(Vocabulary.COUNTRIES).size());
        // A quoted name with a comma and a French name.
        Code europe = VOCABULARIES.list(Vocabulary.REGIONS).find("89").orElseThrow();
        assertEquals("Europe, regional", europe.nameEn());
        assertEquals("Europe, régional", europe.nameFr());
    }

    @Test
    void activeCodesPass() {
        assertEquals(Optional.empty(), VOCABULARIES.check(Vocabulary.SECTORS, "sectors[0]", "14050"));
        assertEquals(Optional.empty(), VOCABULARIES.check(Vocabulary.CURRENCIES, "currency", "JPY"));
    }

    @Test
    void unknownAndWithdrawnCodesNameTheFieldAndTheAllowedList() {
        Problem.FieldError unknown = VOCABULARIES.check(Vocabulary.SECTORS, "sectors[1]", "99999").orElseThrow();
        assertEquals("sectors[1]", unknown.field());
        assertTrue(unknown.detail().contains("GET /v1/vocabularies/sectors"), unknown.detail());
        Problem.FieldError withdrawn = VOCABULARIES.check(Vocabulary.CURRENCIES, "currency", "EEK").orElseThrow();
        assertTrue(withdrawn.detail().contains("withdrawn"), withdrawn.detail());
        assertFalse(VOCABULARIES.list(Vocabulary.CURRENCIES).activeCodes().stream().anyMatch(c -> c.code().equals("EEK")));
    }

    @Test
    void checkAllNamesEachFailingIndex() {
        List<Problem.FieldError> errors = new ArrayList<>();
        VOCABULARIES.checkAll(Vocabulary.COUNTRIES, "eligibleCountries", java.util.Arrays.asList("VN", null, "XX"), errors);
        assertEquals(List.of("eligibleCountries[1]", "eligibleCountries[2]"), errors.stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void malformedCodelistsAreRefused() {
        String header = "code,name_en,name_fr,description_en,category,status,activation_date,withdrawal_date\r\n";
        assertThrows(IllegalArgumentException.class, () -> read(header + "A,,,,,active,,\r\n"));
        assertThrows(IllegalArgumentException.class, () -> read(header + "A,Alpha,,,,retired,,\r\n"));
        assertThrows(IllegalArgumentException.class, () -> read(header + "A,Alpha,,,,active,,\r\nA,Again,,,,active,,\r\n"));
        assertEquals(1, read(header + "A,\"Alpha, first\",,,,active,,\n").size());
    }

    private static CodeList read(String csv) {
        return CodeListReader.read(Vocabulary.REGIONS, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }
}
