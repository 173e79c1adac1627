package org.servicecharter.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * One trail's entries while the history sources add them, each with its sort key: time, then rank, then the order
 * they were added in. The ranks below place the events of one millisecond that belong to no activity; events of an
 * activity take ranks around its position among the activities ({@link ActivityEntries}). See
 * {@link AuditTrailService} for the order as a whole.
 */
final class Timeline {

    static final double RANK_INSTANCE_STARTED = -100;
    static final double RANK_USER_OPERATION = -80;
    static final double RANK_LATER_IDENTITY_LINK = -60;
    static final double RANK_INSTANCE_VARIABLE = -50;
    static final double RANK_DETACHED_DECISION = -40;
    static final double RANK_COMMENT = -30;
    static final double RANK_INCIDENT = -20;
    static final double RANK_END_OF_GROUP = 1_000_000;
    static final double RANK_INSTANCE_ENDED = 2_000_000;

    private record Keyed(Date time, double rank, int insertion, TimelineEntry entry) {
    }

    private final List<Keyed> entries = new ArrayList<>();

    void add(Date time, double rank, String type, String activityId, String activityName, String activityInstanceId,
            String taskId, String taskName, String user, String summary, Map<String, Object> details) {
        entries.add(new Keyed(time, rank, entries.size(), new TimelineEntry(0, HistoryReads.instant(time), type,
                activityId, activityName, activityInstanceId, taskId, taskName, user, summary, details)));
    }

    /** The entries in order, numbered from 1. */
    List<TimelineEntry> sorted() {
        List<Keyed> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Keyed::time).thenComparingDouble(Keyed::rank).thenComparingInt(Keyed::insertion));
        List<TimelineEntry> timeline = new ArrayList<>(sorted.size());
        for (Keyed keyed : sorted) {
            timeline.add(keyed.entry().withSeq(timeline.size() + 1));
        }
        return timeline;
    }
}
