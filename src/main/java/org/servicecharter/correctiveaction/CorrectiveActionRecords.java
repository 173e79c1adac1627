package org.servicecharter.correctiveaction;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.servicecharter.employeefile.EmployeeFile;
import org.servicecharter.employeefile.EmployeeFileEntry;
import org.servicecharter.employeefile.EmployeeFileEntry.NewEntry;
import org.servicecharter.platform.Rejected;
import org.springframework.stereotype.Component;

/**
 * A case's records in the employee file, and the employee's prior corrective actions read back from it. The file is
 * the memory of the ladder: a case (or a new case) sees every action recorded within the look-back window.
 */
@Component
public class CorrectiveActionRecords {

    /** The employee's corrective actions within the window: how many, and the highest rank among them (0 if none). */
    public record PriorActions(int count, int highestRank) {
    }

    private final EmployeeFile employeeFile;

    public CorrectiveActionRecords(EmployeeFile employeeFile) {
        this.employeeFile = employeeFile;
    }

    /**
     * The start of the look-back window ending at {@code now}, in the server's calendar (months have their lengths),
     * at the employee file's precision (microseconds): a clock that gives nanoseconds must not move the edge.
     */
    public static Instant windowStart(Instant now, Period window) {
        return now.atZone(ZoneId.systemDefault()).minus(window).toInstant().truncatedTo(ChronoUnit.MICROS);
    }

    public static Period parseWindow(String window) {
        try {
            Period period = Period.parse(window);
            if (period.isNegative() || period.isZero()) {
                throw new Rejected(CorrectiveActionProcess.VAR_LOOK_BACK_WINDOW,
                        "The look-back window must be a positive ISO-8601 period (e.g. P12M), not " + window + ".");
            }
            return period;
        } catch (DateTimeParseException | NullPointerException e) {
            throw new Rejected(CorrectiveActionProcess.VAR_LOOK_BACK_WINDOW,
                    "The look-back decision gave no ISO-8601 period (e.g. P12M) but " + window + ".");
        }
    }

    /** Counts corrective actions recorded at or after the window's start (the edge itself counts). */
    public PriorActions priorActions(String employee, Period window, Instant now) {
        List<EmployeeFileEntry> entries = employeeFile.entriesOf(employee, LadderStep.countedRecordTypes(), windowStart(now, window));
        int highest = entries.stream().map(e -> LadderStep.ofRecordType(e.recordType()).map(LadderStep::rank).orElse(0))
                .max(Integer::compare).orElse(0);
        return new PriorActions(entries.size(), highest);
    }

    /**
     * The employee's corrective actions on file, newest first, one line each in words ("2026-03-02 Written warning:
     * …"): what an HR review reads before it decides. Every step ever recorded, not only those in the look-back window.
     */
    public String ladderHistory(String employee) {
        List<EmployeeFileEntry> entries = employeeFile.entriesOf(employee, LadderStep.countedRecordTypes(), Instant.EPOCH);
        if (entries.isEmpty()) {
            return "No corrective action on file.";
        }
        StringBuilder out = new StringBuilder();
        for (int i = entries.size() - 1; i >= 0; i--) {
            EmployeeFileEntry e = entries.get(i);
            out.append(out.length() == 0 ? "" : "\n").append(e.recordedAt().atZone(ZoneId.systemDefault()).toLocalDate()).append(' ')
                    .append(LadderStep.ofRecordType(e.recordType()).map(LadderStep::label).orElse(e.recordType()))
                    .append(e.summary() == null || e.summary().isBlank() ? "" : ": " + truncate(e.summary(), 300));
        }
        return out.toString();
    }

    public EmployeeFileEntry append(NewEntry entry) {
        return employeeFile.append(entry);
    }

    static String truncate(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
