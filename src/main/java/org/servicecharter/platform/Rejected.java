package org.servicecharter.platform;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * What was sent is wrong (400): a sentence saying what to change, and the fields that are wrong, each with why, so
 * a client can show each next to its input. A {@link BadUserRequestException}: the engine logs it as the caller's
 * mistake and rolls back whatever the call started (a start form, a task completion, a delegate's work).
 */
public final class Rejected extends BadUserRequestException implements Refusal {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;
    /** What could not be done ("The case cannot be opened"), when the sentence was made of it and the fields. */
    private final String what;

    /** A refusal of the request as a whole, no field to point at. */
    public Rejected(String sentence) {
        this(sentence, List.of());
    }

    /** A refusal of the request as a whole, found out from the engine's own refusal {@code cause}. */
    public Rejected(String sentence, Throwable cause) {
        super(sentence, cause);
        this.errors = List.of();
        this.what = null;
    }

    /** One field is wrong; the sentence says what to change. */
    public Rejected(String field, String sentence) {
        this(sentence, List.of(new FieldError(field, sentence)));
    }

    /** A sentence for the whole, and the fields that are wrong. */
    public Rejected(String sentence, List<FieldError> errors) {
        this(sentence, errors, null);
    }

    private Rejected(String sentence, List<FieldError> errors, String what) {
        super(sentence);
        this.errors = List.copyOf(errors);
        this.what = what;
    }

    /** "What: field why; field why." */
    public static Rejected of(String what, List<FieldError> errors) {
        return new Rejected(sentence(what, errors, java.util.Map.of()), errors, what);
    }

    private static String sentence(String what, List<FieldError> errors, java.util.Map<String, String> names) {
        return what + ": " + errors.stream().map(e -> names.getOrDefault(e.field(), e.field()) + " " + e.message())
                .collect(Collectors.joining("; ")) + ".";
    }

    /**
     * The same sentence with each field called as the person saw it — a form's label instead of the variable's name
     * ({@code names}: field → label; a field without one keeps its name). A one-field refusal whose sentence begins
     * with the field's name gets the label there.
     */
    public String inWords(java.util.Map<String, String> names) {
        if (what != null) {
            return sentence(what, errors(), names);
        }
        String message = getMessage();
        if (errors().size() == 1 && names.containsKey(errors().get(0).field()) && message != null
                && message.startsWith(errors().get(0).field() + " ")) {
            return names.get(errors().get(0).field()) + message.substring(errors().get(0).field().length());
        }
        return message;
    }

    /** "The request has 2 invalid field(s): field why; field why." */
    public static Rejected fields(List<FieldError> errors) {
        return of("The request has " + errors.size() + " invalid field(s)", errors);
    }

    @Override
    public List<FieldError> errors() {
        return errors == null ? List.of() : errors; // null only after Java deserialization (transient)
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Invalid request";
    }

    /** One invalid field and why. */
    public record FieldError(String field, String message) {
    }
}
