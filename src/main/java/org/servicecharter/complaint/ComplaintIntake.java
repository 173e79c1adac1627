package org.servicecharter.complaint;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A customer's complaint as it arrives, from the intake API or the Tasklist start form. */
public record ComplaintIntake(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String customerName,
        @NotBlank(message = "is required") @Email(message = "is not a valid e-mail address")
        @Size(max = 254, message = "must be at most 254 characters") String customerEmail,
        @NotBlank(message = "is required") String channel,
        @NotBlank(message = "is required") String category,
        @NotBlank(message = "is required") @Size(max = 4000, message = "must be at most 4000 characters") String description,
        @Size(max = 64, message = "must be at most 64 characters") String aboutEmployee,
        @Size(max = 64, message = "must be at most 64 characters") String orderReference) {

    /** Blank optional fields mean "not given". */
    public ComplaintIntake normalized() {
        return new ComplaintIntake(trim(customerName), trim(customerEmail), trim(channel), trim(category), description,
                blankToNull(aboutEmployee), blankToNull(orderReference));
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
