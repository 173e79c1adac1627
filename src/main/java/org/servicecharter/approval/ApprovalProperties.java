package org.servicecharter.approval;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of decision approval ({@code servicecharter.approval.*}). The tiers' thresholds and deadlines are not
 * here: they are the business's and live in {@code processes/approval-tier.dmn}.
 *
 * @param types           the kinds of request that may be asked for (the tier table must decide each)
 * @param currencies      accepted currencies; the thresholds are in the first, the default when none is given
 * @param maxAmount       anything above is refused as absurd (a typo, not a request)
 * @param maxReasonLength the longest reason (request, rejection) accepted
 */
@ConfigurationProperties("servicecharter.approval")
public record ApprovalProperties(
        @DefaultValue({"refund", "credit", "goodwill", "policy-exception"}) List<String> types,
        @DefaultValue("EUR") List<String> currencies,
        @DefaultValue("1000000") BigDecimal maxAmount,
        @DefaultValue("2000") int maxReasonLength) {

    public String defaultCurrency() {
        return currencies.get(0);
    }
}
