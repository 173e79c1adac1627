package org.servicecharter.planreview;

/**
 * A text a plan-review form shows fits the engine's string variable (4000 characters in {@code ACT_RU_VARIABLE} and
 * its history; a longer one fails the step with a database error). Cut at a line's end, with a last line saying how
 * many lines are left out and where they all are: the review's record.
 */
final class FormTexts {

    /** The engine's limit for a string variable's text column. */
    static final int VARIABLE_LIMIT = 4000;
    /** Room for the closing line. */
    private static final int KEPT = VARIABLE_LIMIT - 200;

    private FormTexts() {
    }

    static String fit(String text) {
        if (text == null || text.length() <= VARIABLE_LIMIT) {
            return text;
        }
        int cut = text.lastIndexOf('\n', KEPT);
        if (cut <= 0) {
            cut = KEPT;
        }
        long more = text.substring(cut).lines().filter(line -> !line.isBlank()).count();
        return text.substring(0, cut) + "\n… and " + more + " more line" + (more == 1 ? "" : "s")
                + ": all of them are in the review's record (Plan reviews API, /api/plan-reviews/<period>).";
    }
}
