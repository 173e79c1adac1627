package org.servicecharter.planreview;

import static org.servicecharter.planreview.PlanReviewProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records which handbook version the review published (completion listener); a version that is not published yet
 * is refused.
 */
@ModelCallable(processes = PlanReviewProcess.PROCESS_KEY)
@Component
public class RecordHandbookPublishedListener implements TaskListener {

    private final PlanReviews reviews;
    private final JdbcTemplate jdbc;

    public RecordHandbookPublishedListener(PlanReviews reviews, JdbcTemplate jdbc) {
        this.reviews = reviews;
        this.jdbc = jdbc;
    }

    @Override
    public void notify(DelegateTask task) {
        String period = TaskAnswers.period(task);
        String by = TaskAnswers.answeredBy(task);
        String version = TaskAnswers.required(task, VAR_HANDBOOK_VERSION);
        Long published = jdbc.queryForObject("SELECT COUNT(*) FROM handbook_version WHERE version = ?", Long.class, version);
        if (published == null || published == 0) {
            throw new Rejected(VAR_HANDBOOK_VERSION, "Handbook version " + version + " is not published yet: publish it first.");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(VAR_HANDBOOK_VERSION, version);
        reviews.answer(period, ANSWER_HANDBOOK, "-", by, ReviewPeriod.now(), details);
    }
}
