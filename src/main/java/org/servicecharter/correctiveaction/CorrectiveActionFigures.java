package org.servicecharter.correctiveaction;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.servicecharter.employeefile.EmployeeFile;
import org.springframework.stereotype.Service;

/**
 * Corrective action's published figures, for other features (the plan review) that must not know its record types:
 * actions taken in [from, to), i.e. the employee file's records of a rung of the ladder (coaching, warnings, HR's
 * outcomes).
 */
@Service
public class CorrectiveActionFigures {

    static final List<String> ACTION_RECORDS = Arrays.stream(LadderStep.values()).map(LadderStep::recordType)
            .filter(Objects::nonNull).toList();

    private final EmployeeFile employeeFile;

    CorrectiveActionFigures(EmployeeFile employeeFile) {
        this.employeeFile = employeeFile;
    }

    public long actionsTaken(Instant from, Instant to) {
        return employeeFile.count(ACTION_RECORDS, from, to);
    }
}
