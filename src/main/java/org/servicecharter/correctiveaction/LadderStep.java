package org.servicecharter.correctiveaction;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The steps of the progressive ladder as the DMN names them, with their rank (used as the ladder decision's input
 * {@code highestPriorRung}) and the employee-file record type of an action at that step. HR's two outcomes are
 * recorded as steps of rank 4: after an HR review, any new substantiated complaint goes to HR again.
 */
public enum LadderStep {

    COACHING("coaching", 1, "corrective-action-coaching", "Coaching"),
    WRITTEN_WARNING("written-warning", 2, "corrective-action-written-warning", "Written warning"),
    FINAL_WARNING("final-warning", 3, "corrective-action-final-warning", "Final warning"),
    HR_REVIEW("hr-review", 4, null, "HR review for dismissal"),
    HR_RETAINED("hr-retained", 4, "corrective-action-hr-retained", "Retained by HR with a final warning"),
    HR_DISMISSED("hr-dismissed", 4, "corrective-action-hr-dismissed", "Dismissed by HR");

    private final String id;
    private final int rank;
    private final String recordType;
    private final String label;

    LadderStep(String id, int rank, String recordType, String label) {
        this.id = id;
        this.rank = rank;
        this.recordType = recordType;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public int rank() {
        return rank;
    }

    public String recordType() {
        return recordType;
    }

    public String label() {
        return label;
    }

    /** The steps the ladder decision may decide. */
    public static final List<LadderStep> DECIDABLE = List.of(COACHING, WRITTEN_WARNING, FINAL_WARNING, HR_REVIEW);

    public static Optional<LadderStep> of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    public static Optional<LadderStep> ofRecordType(String recordType) {
        return Arrays.stream(values()).filter(s -> s.recordType != null && s.recordType.equals(recordType)).findFirst();
    }

    /** The record types that count as prior corrective actions. */
    public static List<String> countedRecordTypes() {
        return Arrays.stream(values()).map(LadderStep::recordType).filter(t -> t != null).toList();
    }
}
