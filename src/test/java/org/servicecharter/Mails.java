package org.servicecharter;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** What a received mail says: its plain-text parts, for tests that read mails from the SMTP server (GreenMail). */
public final class Mails {

    private Mails() {
    }

    /** The message's plain text: the body of a single-part mail, or every text/plain part of a multipart one. */
    public static String plainText(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof String text) {
            return text;
        }
        StringBuilder all = new StringBuilder();
        collect((MimeMultipart) content, all);
        return all.toString();
    }

    private static void collect(MimeMultipart multipart, StringBuilder all) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            Object part = multipart.getBodyPart(i).getContent();
            if (part instanceof MimeMultipart nested) {
                collect(nested, all);
            } else if (part instanceof String text && multipart.getBodyPart(i).isMimeType("text/plain")) {
                all.append(text);
            }
        }
    }
}
