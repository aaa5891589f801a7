package org.citycoop.twinning.city;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CityFileTest {

    private static final String HEADER = "geonames_id,name,ascii_name_derived,country_iso2,admin1_code,feature_code,population,lat,lon\n";

    @Test
    void goodRowsAreReadWithQuotesAccentsAndEmptyAdmin1() throws IOException {
        CityFile.Contents contents = CityFile.read(new StringReader(HEADER
                + "1580240,Huế,Hue,VN,66,PPLA,287217,16.4619,107.59546\n"
                + "4140963,\"Washington, D.C.\",\"Washington, D.C.\",US,DC,PPLC,601723,38.89511,-77.03637\n"
                + "1,Nowhere,Nowhere,ZZ,,PPL,0,-90,180\n"));
        assertEquals(List.of(), contents.skipped());
        assertEquals(3, contents.rowsRead());
        CityRecord hue = contents.cities().get(0);
        assertEquals(new CityRecord("1580240", "Huế", "Hue", "VN", "66", "PPLA", 287217, 16.4619, 107.59546), hue);
        assertEquals("Washington, D.C.", contents.cities().get(1).name());
        assertNull(contents.cities().get(2).admin1Code());
    }

    @Test
    void badRowsAreSkippedWithTheirLineAndReasonAndTheRestIsRead() throws IOException {
        CityFile.Contents contents = CityFile.read(new StringReader(HEADER
                + "1859307,Kitakyushu,Kitakyushu,JP,07,PPLA2,997536,33.85181,130.85034\n" // line 2: good
                + "1625822,Surabaya,Surabaya,ID,08,PPLA,2374658,-7.24917\n"                 // line 3: a column short
                + "abc,Town,Town,JP,07,PPL,20000,33.0,130.0\n"                              // line 4: id not digits
                + "2,Town,Town,Japan,07,PPL,20000,33.0,130.0\n"                             // line 5: country not alpha-2
                + "3,Town,Town,JP,07,PPL,many,33.0,130.0\n"                                 // line 6: population
                + "4,Town,Town,JP,07,PPL,-5,33.0,130.0\n"                                   // line 7: negative population
                + "5,Town,Town,JP,07,PPL,20000,91.0,130.0\n"                                // line 8: latitude
                + "6,Town,Town,JP,07,PPL,20000,33.0,east\n"                                 // line 9: longitude
                + "7,,Town,JP,07,PPL,20000,33.0,130.0\n"                                    // line 10: no name
                + "1859307,Kitakyushu,Kitakyushu,JP,07,PPLA2,997536,33.85181,130.85034\n"   // line 11: repeated id
                + "1625822,Surabaya,Surabaya,ID,08,PPLA,2374658,-7.24917,112.75083\n"));    // line 12: good
        assertEquals(List.of("1859307", "1625822"), contents.cities().stream().map(CityRecord::geonamesId).toList());
        assertEquals(9, contents.skipped().size());
        assertEquals(11, contents.rowsRead());
        assertTrue(contents.skipped().get(0).startsWith("line 3: expected 9 columns"), contents.skipped().get(0));
        assertTrue(contents.skipped().get(1).startsWith("line 4: geonames_id"), contents.skipped().get(1));
        assertTrue(contents.skipped().get(8).startsWith("line 11: geonames_id 1859307 appears earlier"), contents.skipped().get(8));
    }

    @Test
    void anUnterminatedQuoteEndsTheFileButKeepsWhatCameBefore() throws IOException {
        CityFile.Contents contents = CityFile.read(new StringReader(HEADER
                + "1859307,Kitakyushu,Kitakyushu,JP,07,PPLA2,997536,33.85181,130.85034\n"
                + "1625822,\"Surabaya,Surabaya,ID,08,PPLA,2374658,-7.24917,112.75083\n"));
        assertEquals(List.of("1859307"), contents.cities().stream().map(CityRecord::geonamesId).toList());
        assertEquals(1, contents.skipped().size());
    }

    @Test
    void aFileWithAnotherHeaderIsRefused() {
        assertThrows(IOException.class, () -> CityFile.read(new StringReader("id,name\n1,Town\n")));
    }
}
