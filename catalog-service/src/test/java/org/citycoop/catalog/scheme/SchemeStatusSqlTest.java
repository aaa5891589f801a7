package org.citycoop.catalog.scheme;

import org.citycoop.catalog.vocabulary.SchemeStatus;
import org.citycoop.catalog.vocabulary.WindowKind;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The database's {@code scheme_status} function (facets) and the {@code status} filter's conditions
 * ({@link SchemeRepository#statusCondition}) agree with {@link SchemeStatusRule}, which the responses use, at and
 * around every boundary of many windows.
 */
@QuarkusTest
class SchemeStatusSqlTest {

    @Inject
    EntityManager entityManager;

    @Test
    @Transactional
    void sqlAndJavaAgreeAroundEveryBoundary() {
        List<ApplicationWindow> windows = List.of(
                new ApplicationWindow(WindowKind.ROLLING, null, null),
                new ApplicationWindow(WindowKind.FIXED, null, at("2027-03-31T23:59:00+09:00")),
                new ApplicationWindow(WindowKind.FIXED, at("2027-01-10T09:00:00+09:00"), at("2027-03-31T23:59:00+09:00")),
                new ApplicationWindow(WindowKind.FIXED, at("2026-12-01T00:00:00-10:00"), at("2027-01-01T00:00:00+05:45")),
                new ApplicationWindow(WindowKind.ANNUAL, at("2025-01-10T09:00:00+09:00"), at("2025-03-31T23:59:00+09:00")),
                new ApplicationWindow(WindowKind.ANNUAL, at("2025-11-01T00:00:00+07:00"), at("2026-02-28T23:59:59+07:00")),
                new ApplicationWindow(WindowKind.ANNUAL, at("2024-02-29T08:00:00-05:00"), at("2024-06-30T17:00:00-05:00")),
                new ApplicationWindow(WindowKind.ANNUAL, at("2025-12-31T20:00:00-11:00"), at("2026-01-01T10:00:00+14:00")));
        int compared = 0;
        for (ApplicationWindow window : windows) {
            for (Instant moment : momentsAround(window)) {
                for (String supersededBy : new String[] {null, "something newer"}) {
                    for (boolean withdrawn : new boolean[] {false, true}) {
                        SchemeStatus expected = SchemeStatusRule.statusAt(moment, withdrawn, supersededBy, window);
                        String where = window + " at " + moment + ", withdrawn " + withdrawn + ", superseded " + supersededBy;
                        assertEquals(expected.name(), sqlStatus(withdrawn, supersededBy, window, moment), where);
                        for (SchemeStatus status : SchemeStatus.values()) {
                            assertEquals(status == expected, filterAccepts(status, withdrawn, supersededBy, window, moment),
                                    "status=" + status + " filter, " + where);
                        }
                        compared++;
                    }
                }
            }
        }
        assertEquals(true, compared > 500, "compared " + compared);
    }

    private String sqlStatus(boolean withdrawn, String supersededBy, ApplicationWindow window, Instant moment) {
        return (String) entityManager.createNativeQuery("""
                        SELECT scheme_status(CAST(?1 AS boolean), CAST(?2 AS text), CAST(?3 AS text), CAST(?4 AS timestamptz),
                                             CAST(?5 AS int), CAST(?6 AS timestamptz), CAST(?7 AS int), CAST(?8 AS timestamptz))""")
                .setParameter(1, withdrawn)
                .setParameter(2, supersededBy == null ? null : supersededBy)
                .setParameter(3, window.kind().name())
                .setParameter(4, utcText(window.opens()))
                .setParameter(5, window.opens() == null ? null : window.opens().getOffset().getTotalSeconds())
                .setParameter(6, utcText(window.deadline()))
                .setParameter(7, window.deadline() == null ? null : window.deadline().getOffset().getTotalSeconds())
                .setParameter(8, moment.toString())
                .getSingleResult();
    }

    /** Whether the status filter's condition keeps a scheme row with these values. */
    private boolean filterAccepts(SchemeStatus status, boolean withdrawn, String supersededBy, ApplicationWindow window,
                                  Instant moment) {
        String condition = SchemeRepository.statusCondition(status);
        jakarta.persistence.Query query = entityManager.createNativeQuery("SELECT " + condition + """
                         FROM (SELECT CAST(:withdrawn AS boolean) AS withdrawn, CAST(:supersededBy AS text) AS superseded_by,
                               CAST(:kind AS text) AS window_kind, CAST(:opens AS timestamptz) AS window_opens,
                               CAST(:opensOffset AS int) AS window_opens_offset, CAST(:deadline AS timestamptz) AS window_deadline,
                               CAST(:deadlineOffset AS int) AS window_deadline_offset) s""")
                .setParameter("withdrawn", withdrawn)
                .setParameter("supersededBy", supersededBy)
                .setParameter("kind", window.kind().name())
                .setParameter("opens", utcText(window.opens()))
                .setParameter("opensOffset", window.opens() == null ? null : window.opens().getOffset().getTotalSeconds())
                .setParameter("deadline", utcText(window.deadline()))
                .setParameter("deadlineOffset", window.deadline() == null ? null : window.deadline().getOffset().getTotalSeconds());
        if (condition.contains(":now")) {
            query.setParameter("now", OffsetDateTime.ofInstant(moment, ZoneOffset.UTC));
        }
        // In a WHERE clause, NULL (unknown) leaves the row out, as false does.
        return Boolean.TRUE.equals(query.getSingleResult());
    }

    private static String utcText(OffsetDateTime time) {
        return time == null ? null : time.toInstant().toString();
    }

    /** A second before, at and after the opening and deadline of the given occurrence and the next four. */
    private static List<Instant> momentsAround(ApplicationWindow window) {
        List<Instant> moments = new ArrayList<>();
        OffsetDateTime base = window.deadline() != null ? window.deadline() : at("2027-06-15T12:00:00Z");
        for (int year = -1; year <= 4; year++) {
            for (OffsetDateTime edge : new OffsetDateTime[] {window.opens(), base}) {
                if (edge == null) {
                    continue;
                }
                Instant shifted = edge.plusYears(year).toInstant();
                for (long seconds : new long[] {-1, 0, 1}) {
                    moments.add(shifted.plusSeconds(seconds));
                }
                moments.add(shifted.plus(Duration.ofDays(40)));
            }
        }
        moments.add(base.atZoneSameInstant(ZoneOffset.UTC).withMonth(12).withDayOfMonth(31).toInstant());
        return moments;
    }

    private static OffsetDateTime at(String text) {
        return OffsetDateTime.parse(text);
    }
}
