package org.servicecharter.platform;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * What a feature tells the platform about the variables its models carry, declared as a bean (as features declare
 * their grants and case subjects): which variables name an employee the case involves, and which ones are looked up
 * by value. The platform indexes them ({@code platform.engine.EngineIndexesPlugin}); the audit search's "employee
 * involved" reads the union of the employee variables ({@link #employeesOf}).
 */
public interface ProcessVariables {

    /** Variables whose value is the user id of an employee the case is about or involves (a requester, the employee concerned). */
    default List<String> employees() {
        return List.of();
    }

    /**
     * Variables holding a code that people should read as words (a category, a request type): each gets a task-local
     * companion {@code <variable>Label} with the label the process's start form gives that value ("Refund to the
     * customer" for {@code refund}), for task cards and forms.
     */
    default List<String> labelled() {
        return List.of();
    }

    /** The task-local companion of a labelled variable: {@code category} → {@code categoryLabel}. */
    static String labelOf(String labelledVariable) {
        return requireName(labelledVariable) + "Label";
    }

    /** The labelled variables of all features, each once, in alphabetical order. */
    static List<String> labelledOf(Collection<? extends ProcessVariables> features) {
        return features.stream().flatMap(feature -> feature.labelled().stream()).map(ProcessVariables::requireName)
                .distinct().sorted().toList();
    }

    /**
     * Variables found by their exact value among the running and the historic variables (e.g. a link's token hash):
     * indexed on PostgreSQL as {@code SC_IDX_RU_VAR_<index>} and {@code SC_IDX_HI_VAR_<index>}.
     */
    default List<LookedUp> lookedUpByValue() {
        return List.of();
    }

    /** A variable looked up by value and the suffix of its indexes' names. */
    record LookedUp(String name, String index) {

        public LookedUp {
            requireName(name);
            if (index == null || !index.matches("[A-Z0-9_]+")) {
                throw new IllegalArgumentException("Index suffix '" + index + "' is not upper-case letters, digits and underscores.");
            }
        }
    }

    /**
     * The task-local companion of an employee variable that holds the person's name, which task cards and forms
     * show instead of the id: {@code employee} → {@code employeeName} (set when a task is created).
     */
    static String nameOf(String employeeVariable) {
        return requireName(employeeVariable) + "Name";
    }

    /** The employee variables of all features, each once, in alphabetical order. */
    static List<String> employeesOf(Collection<? extends ProcessVariables> features) {
        return features.stream().flatMap(feature -> feature.employees().stream()).map(ProcessVariables::requireName)
                .distinct().sorted().toList();
    }

    /** The variables looked up by value of all features, each once, by name. */
    static List<LookedUp> lookedUpByValueOf(Collection<? extends ProcessVariables> features) {
        return features.stream().flatMap(feature -> feature.lookedUpByValue().stream()).distinct()
                .sorted(Comparator.comparing(LookedUp::name)).toList();
    }

    /** The names as an SQL list of literals, e.g. {@code 'aboutEmployee', 'employee'} (names are identifiers: nothing to escape). */
    static String sqlList(Collection<String> names) {
        return String.join(", ", names.stream().map(name -> "'" + requireName(name) + "'").toList());
    }

    private static String requireName(String name) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("Variable name '" + name + "' is not an identifier.");
        }
        return name;
    }
}
