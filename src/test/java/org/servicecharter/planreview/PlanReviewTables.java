package org.servicecharter.planreview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The service-element table as the rating form submits it: {@code elementNName}, {@code elementNImportance}, {@code elementNRating}. */
final class PlanReviewTables {

    private PlanReviewTables() {
    }

    /** One row per name, in order, each with the importance and rating {@code rate} gives it. */
    static Map<String, Object> table(List<String> names, Function<String, int[]> rate) {
        Map<String, Object> form = new LinkedHashMap<>();
        names.forEach(n -> row(form, n, rate.apply(n)[0], rate.apply(n)[1]));
        return form;
    }

    /** Adds a row after the last one with a name. */
    static Map<String, Object> row(Map<String, Object> form, String name, Object importance, Object rating) {
        int slot = 1;
        while (form.get(ServiceElementTable.name(slot)) != null) {
            slot++;
        }
        form.put(ServiceElementTable.name(slot), name);
        form.put(ServiceElementTable.importance(slot), importance);
        form.put(ServiceElementTable.rating(slot), rating);
        return form;
    }
}
