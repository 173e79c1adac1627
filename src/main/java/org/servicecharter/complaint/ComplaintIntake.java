package org.servicecharter.complaint;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A customer's complaint as it arrives, from the intake API or the Tasklist start form. The customer is reached by
 * e-mail or phone: which of the two is required is the validator's rule ({@link ComplaintValidator}), because it
 * depends on the channel.
 */
public record ComplaintIntake(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String customerName,
        @Email(message = "is not a valid e-mail address")
        @Size(max = 254, message = "must be at most 254 characters") String customerEmail,
        @Size(max = 32, message = "must be at most 32 characters")
        @Pattern(regexp = PHONE, message = "is not a phone number: 6 to 20 digits, with spaces, +, - or parentheses if you like")
        String customerPhone,
        @NotBlank(message = "is required") String channel,
        @NotBlank(message = "is required") String category,
        @NotBlank(message = "is required") @Size(max = 4000, message = "must be at most 4000 characters") String description,
        @Size(max = 64, message = "must be at most 64 characters") String aboutEmployee,
        @Size(max = 64, message = "must be at most 64 characters") String orderReference) {

    /**
     * A phone number as people write it: an optional leading +, then digits with spaces, hyphens and parentheses
     * between them; 6 to 20 digits in all (checked by the look-ahead on the digits alone).
     */
    static final String PHONE = "^(?=(?:\\D*\\d){6,20}\\D*$)\\+?[0-9 ()\\-]+$";

    /** A complaint without a phone number (the intake before phone numbers; benchmarks and older callers). */
    public ComplaintIntake(String customerName, String customerEmail, String channel, String category, String description,
            String aboutEmployee, String orderReference) {
        this(customerName, customerEmail, null, channel, category, description, aboutEmployee, orderReference);
    }

    /** Blank optional fields mean "not given". */
    public ComplaintIntake normalized() {
        return new ComplaintIntake(trim(customerName), blankToNull(customerEmail), blankToNull(customerPhone), trim(channel),
                trim(category), description, blankToNull(aboutEmployee), blankToNull(orderReference));
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
