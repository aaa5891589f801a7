package org.citycoop.finder.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LeftOutPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> leftOut(int count) {
        return IntStream.range(0, count).mapToObj(i -> (JsonNode) JSON.createObjectNode().set("scheme",
                JSON.createObjectNode().put("id", "s" + i))).toList();
    }

    @Test
    void tenFirstThenTenMoreAfterTheCursor() {
        assertEquals(10, FitResource.leftOutShown(leftOut(25), null));
        assertEquals(20, FitResource.leftOutShown(leftOut(25), "s9"), "the ten shown and the ten after s9");
        assertEquals(30, FitResource.leftOutShown(leftOut(25), "s19"), "more than there are: all of them");
    }

    @Test
    void aCursorThatNamesNoneOfThemIsRefused() {
        assertEquals(-1, FitResource.leftOutShown(leftOut(25), "s99"));
        assertEquals(-1, FitResource.leftOutShown(leftOut(0), "s0"));
    }
}
