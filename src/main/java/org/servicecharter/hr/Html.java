package org.servicecharter.hr;

import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/** The pages' shared pieces: escaping, and the frame around a page (no script, no inline style). */
final class Html {

    private Html() {
    }

    static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    /** A record type or status as words: {@code handbook-acknowledgement} → {@code Handbook acknowledgement}. */
    static String words(String id) {
        if (id == null || id.isBlank()) {
            return "";
        }
        String spaced = id.replace('-', ' ').replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    static String page(String title, String who, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + e(title) + " — Service Charter</title>"
                + "<link rel=\"stylesheet\" href=\"/hr/hr.css\"></head><body>"
                + "<header><strong>Service Charter · HR</strong><a href=\"/hr/handbooks\">Handbooks</a>"
                + "<a href=\"/hr/corrective-actions\">Corrective actions</a><span class=\"who\">" + e(who) + "</span></header>"
                + "<main><h1>" + e(title) + "</h1>" + body + "</main></body></html>";
    }
}
