package org.servicecharter.complaint;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link RecentCustomers} from the complaints register. */
@Component
class RegisterRecentCustomers implements RecentCustomers {

    private final JdbcTemplate jdbc;

    RegisterRecentCustomers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Customer> resolvedBetween(Instant from, Instant to) {
        Map<String, Customer> byAddress = new LinkedHashMap<>();
        jdbc.query("""
                SELECT customer_name, customer_email FROM complaint
                WHERE resolved_at >= ? AND resolved_at < ? AND customer_email LIKE '%_@_%'
                ORDER BY resolved_at, reference""", rs -> {
            String email = rs.getString(2).trim();
            String key = email.toLowerCase(Locale.ROOT);
            Customer customer = new Customer(rs.getString(1), email);
            byAddress.put(key, customer);
        }, Timestamp.from(from), Timestamp.from(to));
        return new ArrayList<>(byAddress.values());
    }

    @Override
    public List<String> surveyCommentsBetween(Instant from, Instant to) {
        return jdbc.queryForList("""
                SELECT survey_comment FROM complaint
                WHERE survey_answered_at >= ? AND survey_answered_at < ? AND survey_comment IS NOT NULL
                ORDER BY survey_answered_at, reference""", String.class, Timestamp.from(from), Timestamp.from(to))
                .stream().map(String::trim).filter(c -> !c.isEmpty()).toList();
    }
}
