package org.servicecharter.planreview;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.servicecharter.complaint.RecentCustomers;
import org.servicecharter.complaint.SurveyTokens;
import org.servicecharter.identity.StaffNames;
import org.servicecharter.messaging.Message;
import org.servicecharter.messaging.Outbox;
import org.servicecharter.platform.Gone;
import org.servicecharter.platform.NotFound;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The review's research round: the short survey to a sample of recent customers (sent through the messaging outbox,
 * answered through a single-use link), the answers, and the summary of the round — the survey answers, the
 * interviews the managers and agents recorded and the complaint survey comments of the period — which the forms after
 * the round show ({@code ${planReviewResearch.summary(period)}}).
 */
@Component("planReviewResearch")
public class PlanReviewResearch {

    public enum State { OPEN, GONE, UNKNOWN }

    /** What the answer page shows: the review's period and the service elements to weigh. */
    public record OpenSurvey(String period, List<String> serviceElements) {
    }

    /** One customer's answer. */
    public record Answer(LocalDateTime answeredAt, String expectations, String unmetNeeds, String competitors,
            Map<String, Integer> importance) {
    }

    static final String TEMPLATE = "plan-research-survey";
    static final String NO_SURVEY = "There is no survey for this link.";
    static final String CLOSED = "This survey has already been answered or has closed. Thank you.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final RecentCustomers customers;
    private final Outbox outbox;
    private final PlanReviewProperties properties;
    private final PlanReviews reviews;
    private final StaffNames names;
    private final ObjectMapper json;

    public PlanReviewResearch(JdbcTemplate jdbc, RecentCustomers customers, Outbox outbox, PlanReviewProperties properties,
            PlanReviews reviews, StaffNames names, ObjectMapper json) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.outbox = outbox;
        this.properties = properties;
        this.reviews = reviews;
        this.names = names;
        this.json = json;
    }

    /**
     * Sends the survey to at most {@code research-sample-size} customers drawn at random from the distinct addresses
     * of the complaints resolved in the period, each with its own link valid until {@code closes}; how many were sent.
     */
    int send(ReviewPeriod period, LocalDateTime now, LocalDateTime closes) {
        List<RecentCustomers.Customer> all = new ArrayList<>(customers.resolvedBetween(instant(period.start()), instant(period.end())));
        Collections.shuffle(all, RANDOM);
        List<RecentCustomers.Customer> sample = all.subList(0, Math.min(all.size(), Math.max(0, properties.researchSampleSize())));
        long days = Math.max(1, ChronoUnit.DAYS.between(now, closes));
        for (RecentCustomers.Customer customer : sample) {
            String token = SurveyTokens.newToken();
            String hash = SurveyTokens.hash(token);
            jdbc.update("INSERT INTO plan_review_research (token_hash, period, sent_at, expires_at) VALUES (?, ?, ?, ?)", hash,
                    period.label(), Timestamp.valueOf(now), Timestamp.valueOf(closes));
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("customerName", customer.name());
            model.put("surveyLink", outbox.baseUrl() + "/survey/research/" + token);
            model.put("surveyDays", days);
            outbox.queue(Message.toCustomer(customer.email(), TEMPLATE, model,
                    TEMPLATE + ":" + period.label() + ":" + hash.substring(0, 16), "plan-review:" + period.label()));
        }
        return sample.size();
    }

    public State state(String token) {
        if (!SurveyTokens.wellFormed(token)) {
            return State.UNKNOWN;
        }
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT answered_at, expires_at FROM plan_review_research WHERE token_hash = ?", SurveyTokens.hash(token));
        if (rows.isEmpty()) {
            return State.UNKNOWN;
        }
        Map<String, Object> row = rows.get(0);
        boolean expired = !((Timestamp) row.get("expires_at")).toLocalDateTime().isAfter(ReviewPeriod.now());
        return row.get("answered_at") != null || expired ? State.GONE : State.OPEN;
    }

    /** The survey behind an open link; 404 for a link never sent, 410 for one answered or closed. */
    public OpenSurvey open(String token) {
        requireOpen(token);
        String period = jdbc.queryForObject("SELECT period FROM plan_review_research WHERE token_hash = ?", String.class,
                SurveyTokens.hash(token));
        return new OpenSurvey(period, properties.serviceElements());
    }

    /**
     * Records the customer's answer once: the importance of every configured service element (1 to 5) is required,
     * the texts are optional; an element the survey did not ask about is refused.
     */
    @Transactional
    public void answer(String token, String expectations, String unmetNeeds, String competitors, Map<String, Integer> importance) {
        requireOpen(token);
        Map<String, Integer> given = importance == null ? Map.of() : importance;
        List<Rejected.FieldError> errors = new ArrayList<>();
        for (String element : given.keySet()) {
            if (!properties.serviceElements().contains(element)) {
                errors.add(new Rejected.FieldError("importance", "'" + element + "' is not one of the service elements asked about"));
            }
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (String element : properties.serviceElements()) {
            Integer value = given.get(element);
            if (value == null || value < 1 || value > 5) {
                errors.add(new Rejected.FieldError("importance", "rate how important '" + element + "' is, from 1 to 5"));
            } else {
                ordered.put(element, value);
            }
        }
        if (!errors.isEmpty()) {
            throw Rejected.of("answer", errors);
        }
        LocalDateTime now = ReviewPeriod.now();
        int updated = jdbc.update("""
                UPDATE plan_review_research SET answered_at = ?, expectations = ?, unmet_needs = ?, competitors = ?, importance = ?
                WHERE token_hash = ? AND answered_at IS NULL AND expires_at > ?""", Timestamp.valueOf(now), trim(expectations),
                trim(unmetNeeds), trim(competitors), write(ordered), SurveyTokens.hash(token), Timestamp.valueOf(now));
        if (updated == 0) {
            throw new Gone(CLOSED);
        }
    }

    /** The answers given for the review of the period, oldest first. */
    public List<Answer> answers(String period) {
        return jdbc.query("""
                SELECT answered_at, expectations, unmet_needs, competitors, importance FROM plan_review_research
                WHERE period = ? AND answered_at IS NOT NULL ORDER BY answered_at, token_hash""", (rs, i) -> new Answer(
                rs.getTimestamp(1).toLocalDateTime(), rs.getString(2), rs.getString(3), rs.getString(4),
                read(rs.getString(5))), period);
    }

    /** How many surveys the review sent. */
    public long sent(String period) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM plan_review_research WHERE period = ?", Long.class, period);
        return n == null ? 0 : n;
    }

    /** The stored summary of the round; a sentence saying so while the round is open. */
    @ModelCallable
    public String summary(String period) {
        return reviews.answers(period).stream().filter(a -> a.kind().equals(ANSWER_RESEARCH_SUMMARY)).findFirst()
                .map(a -> FormTexts.fit(String.valueOf(a.details().get(VAR_RESEARCH_SUMMARY))))
                .orElse("The research round of " + period + " has not closed yet.");
    }

    /** Composes the round's summary and stores it with the review (answer research-summary); returns it. */
    String summarise(ReviewPeriod period) {
        String label = period.label();
        List<Answer> answers = answers(label);
        long sent = sent(label);
        StringBuilder out = new StringBuilder();
        out.append("Research survey: ").append(sent).append(sent == 1 ? " customer asked, " : " customers asked, ")
                .append(answers.size()).append(answers.size() == 1 ? " answer." : " answers.");
        if (!answers.isEmpty()) {
            out.append("\nHow important each service element is to them (average of 1 to 5):");
            for (String element : properties.serviceElements()) {
                List<Integer> values = answers.stream().map(a -> a.importance().get(element)).filter(v -> v != null).toList();
                if (!values.isEmpty()) {
                    double average = values.stream().mapToInt(Integer::intValue).average().orElse(0);
                    out.append("\n- ").append(element).append(": ").append(PlanFigures.round(average, 1))
                            .append(" (").append(values.size()).append(values.size() == 1 ? " answer)" : " answers)");
                }
            }
            quoted(out, "What they expect", answers.stream().map(Answer::expectations).toList());
            quoted(out, "Needs we do not meet", answers.stream().map(Answer::unmetNeeds).toList());
            quoted(out, "How we compare with competitors", answers.stream().map(Answer::competitors).toList());
        }
        List<PlanReviews.Answer> interviews = reviews.answers(label).stream().filter(a -> a.kind().equals(ANSWER_INTERVIEW)).toList();
        out.append("\nInterviews recorded: ").append(interviews.size()).append('.');
        for (PlanReviews.Answer interview : interviews) {
            Map<String, Object> d = interview.details();
            out.append("\n- ").append("phone".equals(d.get(VAR_INTERVIEW_CHANNEL)) ? "By phone" : "In person").append(", ")
                    .append(text(d.get(VAR_INTERVIEW_CUSTOMER))).append(" (recorded by ").append(names.name(interview.answeredBy()))
                    .append("): expects \"").append(text(d.get(VAR_INTERVIEW_EXPECTATIONS))).append('"');
            appendIf(out, "; needs not met \"", d.get(VAR_INTERVIEW_UNMET_NEEDS));
            appendIf(out, "; competitors \"", d.get(VAR_INTERVIEW_COMPETITORS));
        }
        List<String> named = namedServiceElements(label);
        if (!named.isEmpty()) {
            out.append("\nService elements they named that we do not rate yet (rows of the table): ").append(String.join("; ", named)).append('.');
        }
        List<String> comments = customers.surveyCommentsBetween(instant(period.start()), instant(period.end()));
        quoted(out, "Complaint survey comments of the period (" + comments.size() + ")", comments);
        String summary = out.toString();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(VAR_RESEARCH_SUMMARY, summary);
        details.put("surveysSent", sent);
        details.put("surveysAnswered", answers.size());
        details.put("interviews", interviews.size());
        details.put(VAR_RESEARCH_SERVICE_ELEMENTS, named);
        reviews.answer(label, ANSWER_RESEARCH_SUMMARY, "-", "system", ReviewPeriod.now(), details);
        return FormTexts.fit(summary); // the record keeps it whole; the forms' variable has the engine's limit
    }

    /**
     * The service elements the customers named in the round's interviews that are not configured, in the order first
     * named, each once (ignoring case): the rows the research round adds to the service-element table.
     */
    public List<String> namedServiceElements(String period) {
        List<String> configured = properties.serviceElements().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        Map<String, String> names = new LinkedHashMap<>();
        for (PlanReviews.Answer interview : reviews.answers(period)) {
            if (interview.kind().equals(ANSWER_INTERVIEW) && interview.details().get(VAR_INTERVIEW_SERVICE_ELEMENTS) instanceof List<?> given) {
                for (Object name : given) {
                    String n = String.valueOf(name).trim();
                    if (!n.isEmpty() && !configured.contains(n.toLowerCase(Locale.ROOT))) {
                        names.putIfAbsent(n.toLowerCase(Locale.ROOT), n);
                    }
                }
            }
        }
        return List.copyOf(names.values());
    }

    private void requireOpen(String token) {
        switch (state(token)) {
            case UNKNOWN -> throw new NotFound(NO_SURVEY);
            case GONE -> throw new Gone(CLOSED);
            default -> { }
        }
    }

    private static void quoted(StringBuilder out, String heading, List<String> texts) {
        List<String> given = texts.stream().filter(t -> t != null && !t.isBlank()).map(PlanReviewResearch::text).toList();
        if (!given.isEmpty()) {
            out.append('\n').append(heading).append(':');
            given.forEach(t -> out.append("\n- \"").append(t).append('"'));
        }
    }

    private static void appendIf(StringBuilder out, String prefix, Object value) {
        if (value != null && !value.toString().isBlank()) {
            out.append(prefix).append(text(value)).append('"');
        }
    }

    private static String text(Object value) {
        return value == null ? "—" : value.toString().trim().replaceAll("\\s*\\n\\s*", " ");
    }

    private static String trim(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        return t.length() > 2000 ? t.substring(0, 2000) : t;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Integer> read(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, new TypeReference<LinkedHashMap<String, Integer>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.time.Instant instant(LocalDateTime time) {
        return time.atZone(ZoneId.systemDefault()).toInstant();
    }
}
