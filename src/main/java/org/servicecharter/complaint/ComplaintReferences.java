package org.servicecharter.complaint;

import java.security.SecureRandom;
import java.time.Year;

import org.springframework.stereotype.Component;

/** Complaint references such as {@code C-2026-7KQ2M9XD}: short to read out on the phone, hard to guess. */
@Component
public class ComplaintReferences {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray(); // Crockford base32
    private final SecureRandom random = new SecureRandom();
    private final ComplaintRegister register;

    public ComplaintReferences(ComplaintRegister register) {
        this.register = register;
    }

    public String next() {
        String reference;
        do {
            StringBuilder sb = new StringBuilder("C-").append(Year.now()).append('-');
            for (int i = 0; i < 8; i++) {
                sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            reference = sb.toString();
        } while (register.exists(reference));
        return reference;
    }
}
