package org.servicecharter.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** Reading the engine's history for auditors: page by page, dates as instants, values in a JSON-friendly form. */
final class HistoryReads {

    /** Page size for reading history: the engine refuses unbounded lists (queryMaxResultsLimit). */
    static final int BATCH = 1000;

    private HistoryReads() {
    }

    /** Every result of the query, read page by page in its (stable) order. */
    static <T> List<T> all(Query<?, T> query) {
        List<T> all = new ArrayList<>();
        while (true) {
            List<T> page = query.listPage(all.size(), BATCH);
            all.addAll(page);
            if (page.size() < BATCH) {
                return all;
            }
        }
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** A JSON-friendly value: primitives and strings as they are, dates as instants, serialized values as text. */
    static Object value(TypedValue typed, Object fallback) {
        if (typed instanceof SerializableValue serializable && !serializable.isDeserialized()) {
            return serializable.getValueSerialized();
        }
        Object value = typed != null ? typed.getValue() : fallback;
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return String.valueOf(value);
    }

    /** A value as a summary shows it: strings quoted. */
    static String show(Object value) {
        return value == null ? "null" : value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
