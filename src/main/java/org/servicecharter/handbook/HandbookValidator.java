package org.servicecharter.handbook;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.servicecharter.platform.Conflict;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.Rejected.FieldError;
import org.springframework.stereotype.Component;

/**
 * The rules a handbook version must meet to be published, for the API and the Tasklist start form alike (checked once,
 * by the model's first step, {@link PublishHandbookVersionDelegate}, which both go through): every
 * field, a deadline in the future, a document whose SHA-256 matches, and a version label not used before.
 */
@Component
public class HandbookValidator {

    /** What validation yields: the normalized draft and the deadline as an instant. */
    /**
     * A valid draft; {@code fetched}: the linked document as the server fetched it, to be kept as the version's
     * copy (null for an upload, or when linked documents are not verified).
     */
    public record Validated(HandbookDraft draft, Instant deadline, HandbookDocuments.Fetched fetched) {
    }

    static final Pattern VERSION = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");

    private final HandbookRegister register;
    private final HandbookDocuments documents;
    private final HandbookProperties properties;

    public HandbookValidator(HandbookRegister register, HandbookDocuments documents, HandbookProperties properties) {
        this.register = register;
        this.documents = documents;
        this.properties = properties;
    }

    /**
     * Validates the draft; throws {@link Rejected} naming every bad field, or {@link Conflict} for a version label
     * that exists. The linked document is fetched and its hash compared (or the uploaded document looked up): the
     * publication step in the model runs this once, for the API and Tasklist's start form alike.
     */
    public Validated validate(HandbookDraft raw) {
        HandbookDraft draft = raw.normalized();
        List<FieldError> errors = new ArrayList<>();

        if (draft.version() == null) {
            errors.add(new FieldError("version", "is required"));
        } else if (!VERSION.matcher(draft.version()).matches()) {
            errors.add(new FieldError("version", "must be 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit"));
        }
        if (draft.title() == null) {
            errors.add(new FieldError("title", "is required"));
        } else if (draft.title().length() > 200) {
            errors.add(new FieldError("title", "must be at most 200 characters"));
        }
        if (draft.rules() == null) {
            errors.add(new FieldError("rules", "is required: the rules this version adds or changes"));
        } else if (draft.rules().length() > 4000) {
            errors.add(new FieldError("rules", "must be at most 4000 characters"));
        }
        Instant deadline = null;
        if (draft.deadline() == null) {
            errors.add(new FieldError("deadline", "is required"));
        } else {
            deadline = parseDeadline(draft.deadline());
            if (deadline == null) {
                errors.add(new FieldError("deadline", "must be an ISO-8601 date or date-time, e.g. 2026-03-31 or 2026-03-31T17:00:00Z"));
            } else if (!deadline.isAfter(Instant.now())) {
                errors.add(new FieldError("deadline", "must be in the future"));
            }
        }
        HandbookDocuments.Fetched fetched = null;
        boolean shaValid = false;
        // with a link the server fetches the document itself, so the hash is optional there (when given, it must match)
        boolean fetchesLinks = properties.verifyLinkedDocuments() && !draft.documentStored();
        if (draft.documentSha256() == null) {
            if (!fetchesLinks) {
                errors.add(new FieldError("documentSha256", draft.documentStored() ? "is required" : "is required with a document link"));
            }
        } else if (!SHA256.matcher(draft.documentSha256()).matches()) {
            errors.add(new FieldError("documentSha256", "must be 64 hexadecimal digits"));
        } else {
            shaValid = true;
        }
        if (draft.documentStored()) {
            if (draft.documentUrl() != null) {
                errors.add(new FieldError("documentUrl", "give a link or upload a file, not both"));
            } else if (shaValid && register.findDocumentInfo(draft.documentSha256()).isEmpty()) {
                errors.add(new FieldError("document", "no uploaded document has this SHA-256"));
            }
        } else if (draft.documentUrl() == null) {
            errors.add(new FieldError("documentUrl", "is required: a link to the handbook document (or upload the file)"));
        } else if (draft.documentUrl().length() > 2000) {
            errors.add(new FieldError("documentUrl", "must be at most 2000 characters"));
        } else if (documents.linkProblem(draft.documentUrl()) != null) {
            errors.add(new FieldError("documentUrl", documents.linkProblem(draft.documentUrl())));
        } else if (fetchesLinks && (shaValid || draft.documentSha256() == null)) {
            try {
                fetched = documents.fetch(draft.documentUrl());
                // the document's own hash is not repeated: the link may lead to a server the publisher cannot read
                if (draft.documentSha256() != null && !fetched.sha256().equals(draft.documentSha256())) {
                    errors.add(new FieldError("documentSha256", "does not match the document behind the link; "
                            + "compute it from the very file the link serves (sha256sum), or leave it empty"));
                }
            } catch (HandbookDocuments.UnreadableDocumentException e) {
                errors.add(new FieldError("documentUrl", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw Rejected.of("The handbook version cannot be published", errors);
        }
        if (register.versionExists(draft.version())) {
            throw new Conflict("The handbook version " + draft.version() + " exists already; publish a new version label.");
        }
        if (fetched != null) {
            draft = new HandbookDraft(draft.version(), draft.title(), draft.documentUrl(), fetched.sha256(), draft.rules(),
                    draft.deadline(), false);
        }
        return new Validated(draft, deadline, fetched);
    }

    /** A date means the end of that day in the server's time zone; a date-time without zone is server time. */
    static Instant parseDeadline(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant().minusSeconds(1);
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant();
            }
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
