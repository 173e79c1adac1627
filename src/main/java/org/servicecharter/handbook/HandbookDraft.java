package org.servicecharter.handbook;

/**
 * A handbook version as a process owner submits it (start form or {@code POST /api/handbooks}), before validation.
 *
 * @param deadline       ISO-8601: a date (the end of that day, server time zone), a local date-time or an instant
 * @param documentStored true if the document was uploaded to the application (then {@code documentUrl} is empty
 *                       and {@code documentSha256} is the uploaded content's hash)
 */
public record HandbookDraft(String version, String title, String documentUrl, String documentSha256, String rules,
        String deadline, boolean documentStored) {

    public HandbookDraft normalized() {
        return new HandbookDraft(trim(version), trim(title), trim(documentUrl),
                documentSha256 == null ? null : trim(documentSha256.toLowerCase(java.util.Locale.ROOT)), trim(rules),
                trim(deadline), documentStored);
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }
}
