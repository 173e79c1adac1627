package org.servicecharter.planreview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.servicecharter.platform.Rejected;



/**
 * The service-element table: one line per element, {@code name: rating} with a rating from 1 (poor) to 5
 * (excellent). The review starts from the configured elements and can add lines of its own; the lowest-rated
 * elements are the weakest.
 */
public final class ServiceElementRatings {

    private ServiceElementRatings() {
    }

    public record Element(String name, int rating, boolean weakest) {
    }

    /** The lines the rating form starts from: every configured element, still unrated. */
    public static String template(List<String> elements) {
        return elements.stream().map(e -> e + ": ").collect(Collectors.joining("\n"));
    }

    /** Parses the rated table and marks the {@code weakestCount} lowest-rated elements (ties included). */
    public static List<Element> rate(String text, int weakestCount) {
        List<String> errors = new ArrayList<>();
        List<Element> rated = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.lastIndexOf(':');
            String name = colon < 0 ? line.trim() : line.substring(0, colon).trim();
            String value = colon < 0 ? "" : line.substring(colon + 1).trim();
            if (name.isEmpty() || !value.matches("[1-5]")) {
                errors.add("'" + line.trim() + "'");
                continue;
            }
            rated.add(new Element(name, Integer.parseInt(value), false));
        }
        if (!errors.isEmpty() || rated.isEmpty()) {
            throw new Rejected("Rate every service element as 'name: 1' to 'name: 5', one per line"
                    + (errors.isEmpty() ? "." : "; not rated: " + String.join(", ", errors)));
        }
        List<Integer> lowest = rated.stream().map(Element::rating).sorted().limit(Math.max(1, weakestCount)).toList();
        int threshold = lowest.get(lowest.size() - 1);
        return rated.stream().map(e -> new Element(e.name(), e.rating(), e.rating() <= threshold))
                .sorted(Comparator.comparingInt(Element::rating)).toList();
    }

    public static String weakestText(List<Element> elements) {
        return elements.stream().filter(Element::weakest).map(e -> e.name() + " (" + e.rating() + " of 5)")
                .collect(Collectors.joining("\n"));
    }
}
