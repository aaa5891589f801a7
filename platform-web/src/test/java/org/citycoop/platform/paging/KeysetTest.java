package org.citycoop.platform.paging;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class KeysetTest {

    @Test
    void oneRowMoreThanThePageMeansANextPageAfterTheLastItem() {
        assertEquals(4, Keyset.fetch(3));
        Keyset<Integer> page = Keyset.of(List.of(10, 20, 30, 40), 3, last -> List.of("n", Integer.toString(last)));
        assertEquals(List.of(10, 20, 30), page.items());
        assertEquals(List.of("n", "30"), Cursor.decode(page.cursor(), 2));
    }

    @Test
    void noMoreRowsThanThePageIsTheLastPage() {
        Keyset<Integer> full = Keyset.of(List.of(10, 20, 30), 3, last -> List.of(Integer.toString(last)));
        assertEquals(List.of(10, 20, 30), full.items());
        assertNull(full.cursor());
        Keyset<Integer> empty = Keyset.of(List.of(), 3, last -> List.of(Integer.toString(last)));
        assertEquals(List.of(), empty.items());
        assertNull(empty.cursor());
    }

    @Test
    void rowsReadBeyondTheExtraOneAreNotShown() {
        Keyset<Integer> page = Keyset.of(List.of(1, 2, 3, 4, 5), 2, last -> List.of(Integer.toString(last)));
        assertEquals(List.of(1, 2), page.items());
        assertEquals(List.of("2"), Cursor.decode(page.cursor(), 1));
    }
}
