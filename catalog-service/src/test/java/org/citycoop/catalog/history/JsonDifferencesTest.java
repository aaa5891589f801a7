package org.citycoop.catalog.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.citycoop.catalog.history.JsonDifferences.Difference;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonDifferencesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonDifferences differences = new JsonDifferences(Set.of("version", "updatedAt"));

    private List<Difference> between(String before, String after) throws Exception {
        JsonNode b = JSON.readTree(before);
        JsonNode a = JSON.readTree(after);
        return differences.between(b, a);
    }

    @Test
    void sameDocumentsHaveNoDifferences() throws Exception {
        String doc = "{\"a\": 1, \"b\": {\"c\": [1, 2]}, \"d\": null, \"e\": []}";
        assertEquals(List.of(), between(doc, doc));
    }

    @Test
    void aChangedNestedValueIsNamedByItsPath() throws Exception {
        assertEquals(List.of(new Difference("fundingRange.max.amount", "90000", "120000")),
                between("{\"fundingRange\": {\"max\": {\"amount\": \"90000\", \"currency\": \"USD\"}}}",
                        "{\"fundingRange\": {\"max\": {\"amount\": \"120000\", \"currency\": \"USD\"}}}"));
    }

    @Test
    void arrayElementsAreComparedByIndex() throws Exception {
        assertEquals(List.of(new Difference("processSteps[1].title", "Selection", "Review"),
                        new Difference("processSteps[2].title", null, "Grant"),
                        new Difference("sectors[1]", "41010", null)),
                between("{\"processSteps\": [{\"title\": \"EOI\"}, {\"title\": \"Selection\"}], \"sectors\": [\"14050\", \"41010\"]}",
                        "{\"processSteps\": [{\"title\": \"EOI\"}, {\"title\": \"Review\"}, {\"title\": \"Grant\"}], \"sectors\": [\"14050\"]}"));
    }

    @Test
    void addedAndRemovedFieldsHaveANullSideAndNullCountsAsAbsent() throws Exception {
        assertEquals(List.of(new Difference("coFinancingShare", "0.2", null),
                        new Difference("partnerCityRequired.country", null, "JP"),
                        new Difference("supersededBy", "C2", null)),
                between("{\"partnerCityRequired\": null, \"coFinancingShare\": \"0.2\", \"supersededBy\": \"C2\"}",
                        "{\"partnerCityRequired\": {\"country\": \"JP\"}, \"coFinancingShare\": null}"));
    }

    @Test
    void numbersBooleansAndEmptyContainersAreGivenAsJsonText() throws Exception {
        assertEquals(List.of(new Difference("eligibleCountries", "[]", null),
                        new Difference("flag", "true", "false"),
                        new Difference("names", null, "{}"),
                        new Difference("typicalDays", "14", "30")),
                between("{\"typicalDays\": 14, \"flag\": true, \"eligibleCountries\": []}",
                        "{\"typicalDays\": 30, \"flag\": false, \"names\": {}}"));
    }

    @Test
    void nestedLeavesOfAnAddedObjectComeByName() throws Exception {
        assertEquals(List.of(new Difference("range.max.amount", null, "2"), new Difference("range.min.amount", null, "1")),
                between("{}", "{\"range\": {\"min\": {\"amount\": \"1\"}, \"max\": {\"amount\": \"2\"}}}"));
    }

    @Test
    void aValueChangingKindListsOldAndNewLeaves() throws Exception {
        assertEquals(List.of(new Difference("x", "text", null), new Difference("x.y", null, "1")),
                between("{\"x\": \"text\"}", "{\"x\": {\"y\": 1}}"));
    }

    @Test
    void ignoredTopLevelFieldsAreLeftOutButNotNestedOnes() throws Exception {
        assertEquals(List.of(new Difference("window.version", "1", "2")),
                between("{\"version\": 1, \"updatedAt\": \"t1\", \"window\": {\"version\": 1}}",
                        "{\"version\": 2, \"updatedAt\": \"t2\", \"window\": {\"version\": 2}}"));
    }

    @Test
    void theOrderOfFieldsDoesNotMatter() throws Exception {
        assertEquals(List.of(new Difference("names.ja", "a", "b")),
                between("{\"names\": {\"ja\": \"a\", \"en\": \"e\"}}", "{\"names\": {\"en\": \"e\", \"ja\": \"b\"}}"));
    }
}
