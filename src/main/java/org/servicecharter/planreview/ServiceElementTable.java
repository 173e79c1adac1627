package org.servicecharter.planreview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.servicecharter.platform.Rejected;

/**
 * The service-element table: one row per element with its importance to the customers and the company's rating, each
 * from 1 to 5. The gap is {@code 5 - rating}, the weight {@code importance × gap}; the rows with the largest weight are
 * the weakest (an important element rated poorly). The rating form has {@link #SLOTS} rows of fixed variables
 * ({@code element1Name}, {@code element1Importance}, {@code element1Rating}, … and, when rated again,
 * {@code element1Before}): Tasklist 7.24's form-js has no repeating group that lets a task be completed.
 */
public final class ServiceElementTable {

    /** How many rows the rating form has: the configured elements and room for the ones the review adds. */
    public static final int SLOTS = 12;

    private ServiceElementTable() {
    }

    /** What the form sent for one row. */
    public record Entry(String name, int importance, int rating) {
    }

    /**
     * A rated row as stored with the review. {@code importance}, {@code gap} and {@code weight} are null in tables
     * rated before the table had an importance (lines of {@code name: rating}).
     */
    public record Row(String name, Integer importance, int rating, Integer gap, Integer weight, boolean weakest) {
    }

    /** One element, first rating against the rating again; {@code change} is improved, worse, unchanged, new or not-rated-again. */
    public record RowChange(String name, Integer importanceBefore, Integer importanceAfter, Integer ratingBefore,
            Integer ratingAfter, Integer weightBefore, Integer weightAfter, Integer ratingDifference, String change) {
    }

    public static String name(int slot) {
        return "element" + slot + "Name";
    }

    public static String importance(int slot) {
        return "element" + slot + "Importance";
    }

    public static String rating(int slot) {
        return "element" + slot + "Rating";
    }

    /** The row's first rating in words, on the form that rates the table again. */
    public static String before(int slot) {
        return "element" + slot + "Before";
    }

    /**
     * Reads the table from the form's variables. Every row with a name needs an importance and a rating from 1 to 5,
     * no name twice, and every one of {@code required} (the configured elements, or the rows rated the first time)
     * must be there; otherwise the whole table is refused with a sentence per bad row.
     */
    public static List<Entry> read(Function<String, Object> variables, List<String> required) {
        List<Rejected.FieldError> errors = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int slot = 1; slot <= SLOTS; slot++) {
            Object rawName = variables.apply(name(slot));
            String name = rawName == null ? "" : rawName.toString().trim();
            if (name.isEmpty()) {
                continue;
            }
            String row = "row " + slot + " (" + name + ")";
            Integer importance = oneToFive(variables.apply(importance(slot)));
            Integer rating = oneToFive(variables.apply(rating(slot)));
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                errors.add(new Rejected.FieldError(name(slot), row + ": the element is already in the table"));
            }
            if (name.length() > 200) {
                errors.add(new Rejected.FieldError(name(slot), row + ": the name is at most 200 characters"));
            }
            if (importance == null) {
                errors.add(new Rejected.FieldError(importance(slot), row + ": give the importance from 1 to 5"));
            }
            if (rating == null) {
                errors.add(new Rejected.FieldError(rating(slot), row + ": give the rating from 1 to 5"));
            }
            if (importance != null && rating != null) {
                entries.add(new Entry(name, importance, rating));
            }
        }
        for (String element : required) {
            if (!seen.contains(element.toLowerCase(Locale.ROOT))) {
                errors.add(new Rejected.FieldError("serviceElements", "the element '" + element + "' is missing: rate it"));
            }
        }
        if (entries.isEmpty() && errors.isEmpty()) {
            errors.add(new Rejected.FieldError("serviceElements", "rate at least one element"));
        }
        if (!errors.isEmpty()) {
            throw new Rejected("The service-element table cannot be recorded: "
                    + errors.stream().map(Rejected.FieldError::message).collect(Collectors.joining("; ")) + ".", errors);
        }
        return entries;
    }

    /** Gap, weight and the {@code weakestCount} heaviest rows highlighted (ties included), heaviest first. */
    public static List<Row> rank(List<Entry> entries, int weakestCount) {
        List<Row> rows = entries.stream().map(e -> new Row(e.name(), e.importance(), e.rating(), 5 - e.rating(),
                e.importance() * (5 - e.rating()), false)).toList();
        List<Integer> heaviest = rows.stream().map(Row::weight).sorted(Comparator.reverseOrder()).limit(Math.max(1, weakestCount)).toList();
        int threshold = heaviest.get(heaviest.size() - 1);
        return rows.stream()
                .map(r -> new Row(r.name(), r.importance(), r.rating(), r.gap(), r.weight(), r.weight() > 0 && r.weight() >= threshold))
                .sorted(Comparator.comparing(Row::weight, Comparator.reverseOrder()).thenComparing(Row::rating))
                .toList();
    }

    /** Rows of a table rated before importance existed ({@code name: rating} lines): the lowest-rated were the weakest. */
    public static List<Row> fromRatings(List<ServiceElementRatings.Element> rated) {
        return rated.stream().map(e -> new Row(e.name(), null, e.rating(), null, null, e.weakest())).toList();
    }

    /** "Callback within a day: importance 5, rated 1 of 5, weight 20", one line per highlighted row. */
    public static String weakestText(List<Row> rows) {
        return rows.stream().filter(Row::weakest).map(ServiceElementTable::words).collect(Collectors.joining("\n"));
    }

    /** Every row in words, heaviest first, the weakest marked. */
    public static String text(List<Row> rows) {
        return rows.stream().map(r -> (r.weakest() ? "▶ " : "") + words(r)).collect(Collectors.joining("\n"));
    }

    /** The row's first figures, "importance, rating, weight" ("5, 1, 20"; "—, 2, —" before importance was asked), beside the row rated again. */
    static String figures(Row r) {
        return (r.importance() == null ? "—" : r.importance()) + ", " + r.rating() + ", " + (r.weight() == null ? "—" : r.weight());
    }

    static String words(Row r) {
        return r.importance() == null ? r.name() + " (" + r.rating() + " of 5)"
                : r.name() + ": importance " + r.importance() + ", rated " + r.rating() + " of 5, weight " + r.weight();
    }

    /** The first rating against the rating again, row by row, in the first table's order, then the new rows. */
    public static List<RowChange> compare(List<Row> before, List<Row> after) {
        Map<String, Row> again = new LinkedHashMap<>();
        after.forEach(r -> again.put(r.name().toLowerCase(Locale.ROOT), r));
        List<RowChange> changes = new ArrayList<>();
        for (Row b : before) {
            Row a = again.remove(b.name().toLowerCase(Locale.ROOT));
            if (a == null) {
                changes.add(new RowChange(b.name(), b.importance(), null, b.rating(), null, b.weight(), null, null, "not-rated-again"));
                continue;
            }
            int difference = a.rating() - b.rating();
            changes.add(new RowChange(b.name(), b.importance(), a.importance(), b.rating(), a.rating(), b.weight(), a.weight(),
                    difference, difference > 0 ? "improved" : difference < 0 ? "worse" : "unchanged"));
        }
        again.values().forEach(a -> changes.add(new RowChange(a.name(), null, a.importance(), null, a.rating(), null, a.weight(),
                null, "new")));
        return changes;
    }

    /** "Speed of answer: importance 4 → 4, rating 2 → 4, weight 12 → 4 (improved)", one line per row. */
    public static String comparisonText(List<RowChange> changes) {
        return changes.stream().map(c -> c.name() + ": importance " + value(c.importanceBefore()) + " → " + value(c.importanceAfter())
                + ", rating " + value(c.ratingBefore()) + " → " + value(c.ratingAfter()) + ", weight " + value(c.weightBefore())
                + " → " + value(c.weightAfter()) + " (" + c.change().replace('-', ' ') + ")").collect(Collectors.joining("\n"));
    }

    private static String value(Integer v) {
        return Objects.toString(v, "—");
    }

    private static Integer oneToFive(Object value) {
        Integer n = null;
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            n = number.intValue();
        } else if (value instanceof String s && s.trim().matches("\\d")) {
            n = Integer.parseInt(s.trim());
        }
        return n != null && n >= 1 && n <= 5 ? n : null;
    }
}
