package org.servicecharter.approval;

import java.math.BigDecimal;

/**
 * A request for a decision, as asked for (the API's body, the start form's fields, complaint handling's call).
 *
 * @param type               refund, credit, goodwill or policy-exception
 * @param amount             the value at stake, above zero, in {@code currency}
 * @param currency           ISO 4217 code; the department's own when not given
 * @param reason             why the requester asks for it
 * @param requester          the employee asking (the logged-in user)
 * @param complaintReference the complaint it belongs to, if any (its business key)
 */
public record ApprovalRequest(String type, BigDecimal amount, String currency, String reason, String requester,
        String complaintReference) {

    public ApprovalRequest normalized(String defaultCurrency) {
        return new ApprovalRequest(trim(type), amount, currency == null || currency.isBlank() ? defaultCurrency : currency.trim(),
                trim(reason), trim(requester), trim(complaintReference));
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
