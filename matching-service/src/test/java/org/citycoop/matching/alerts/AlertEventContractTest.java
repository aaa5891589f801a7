package org.citycoop.matching.alerts;

import org.citycoop.devstack.ExampleEvents;
import org.citycoop.matching.ServiceJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.citycoop.matching.scoring.Assessment;
import org.citycoop.matching.scoring.Criterion;
import org.citycoop.matching.scoring.CriterionResult;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The example of {@code org.citycoop.matching.alert.raised.v1} has the fields this service writes, and reads back. */
class AlertEventContractTest {

    @Test
    void theExampleHasTheProducersFieldsAndReadsStrictly() throws Exception {
        JsonNode example = ExampleEvents.example(AlertEvents.RAISED);
        assertEquals(ExampleEvents.ENVELOPE, names(example));
        Alert read = ServiceJson.MAPPER.treeToValue(example.get("data"), Alert.class);
        assertEquals(AlertReason.CHANGED, read.reason());

        Alert produced = new Alert(UUID.randomUUID(), UUID.randomUUID(), new Alert.SchemeRef("s", "a", "r", "n", 1L),
                AlertReason.NO_LONGER_MATCHING, List.of(new FieldChange("eligible", true, false)),
                List.of(new Assessment(Criterion.STATUS, CriterionResult.FAILED, "withdrawn by the agency")), null,
                OffsetDateTime.parse("2026-11-29T09:15:02Z"), 1);
        JsonNode written = ServiceJson.MAPPER.valueToTree(produced);
        assertEquals(names(written), names(example.get("data")));
        assertEquals(names(written.get("scheme")), names(example.get("data").get("scheme")));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
