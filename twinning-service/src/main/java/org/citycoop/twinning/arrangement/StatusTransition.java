package org.citycoop.twinning.arrangement;

import org.citycoop.twinning.vocabulary.TwinningStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the lifecycle audit (table {@code twinning_transition}): from which status to which, when and by
 * whom (the caller's principal name); the creation is recorded with no {@code from}.
 */
@Entity
@Table(name = "twinning_transition")
public class StatusTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private UUID arrangementId;
    @Enumerated(EnumType.STRING)
    private TwinningStatus fromStatus;
    @Enumerated(EnumType.STRING)
    private TwinningStatus toStatus;
    private Instant changedAt;
    private String changedBy;

    protected StatusTransition() {
    }

    public StatusTransition(UUID arrangementId, TwinningStatus fromStatus, TwinningStatus toStatus, Instant changedAt,
                            String changedBy) {
        this.arrangementId = arrangementId;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
    }

    public Twinning.StatusChange toStatusChange() {
        return new Twinning.StatusChange(fromStatus, toStatus, changedAt, changedBy);
    }
}
