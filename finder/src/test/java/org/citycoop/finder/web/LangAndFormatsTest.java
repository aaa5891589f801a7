package org.citycoop.finder.web;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LangAndFormatsTest {

    @Test
    void theFirstLanguageTheVisitorPrefersThatTheFinderSpeaks() {
        assertEquals(Lang.JA, Lang.choose(List.of(Locale.forLanguageTag("ja-JP"), Locale.ENGLISH)));
        assertEquals(Lang.JA, Lang.choose(List.of(Locale.forLanguageTag("fr"), Locale.forLanguageTag("ja"))));
        assertEquals(Lang.EN, Lang.choose(List.of(Locale.forLanguageTag("id"))));
        assertEquals(Lang.EN, Lang.choose(List.of()));
    }

    @Test
    void datesMoneyAndCountriesAreWrittenForTheLanguage() {
        Formats en = new Formats(Locale.ENGLISH);
        Formats ja = new Formats(Locale.JAPANESE);
        assertEquals("USD 300,000", en.money(new BigDecimal("300000.00"), "USD"));
        assertEquals("300,000 USD", ja.money(new BigDecimal("300000"), "USD"));
        assertEquals("EUR 1,250.50", en.money(new BigDecimal("1250.5"), "EUR"));
        assertEquals("Indonesia", en.country("ID"));
        assertEquals("インドネシア", ja.country("ID"));
        assertEquals("2027/03/31", ja.date(LocalDate.of(2027, 3, 31)));
        assertTrue(en.date(LocalDate.of(2027, 3, 31)).contains("Mar"));
        assertTrue(en.dateTimeWithOffset(OffsetDateTime.parse("2027-03-31T23:59:00+09:00")).endsWith("(UTC+09:00)"));
    }
}
