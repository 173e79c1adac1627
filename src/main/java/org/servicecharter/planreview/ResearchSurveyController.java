package org.servicecharter.planreview;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The plan review's research survey: a page at {@code /survey/research/{token}} (the link in the customer's message)
 * that reads {@code GET /api/research-surveys/{token}} (the service elements to weigh) and posts the answer to
 * {@code POST /api/research-surveys/{token}}. No login: the unguessable, single-use token is the credential. A link
 * already answered or past the research window shows a page saying the survey is closed (410); an unknown one, a page
 * saying there is no such survey (404).
 */
@RestController
public class ResearchSurveyController {

    /** The customer's answer: texts optional, the importance (1 to 5) of every service element asked about. */
    public record ResearchAnswer(
            @Size(max = 2000, message = "must be at most 2000 characters") String expectations,
            @Size(max = 2000, message = "must be at most 2000 characters") String unmetNeeds,
            @Size(max = 2000, message = "must be at most 2000 characters") String competitors,
            Map<String, Integer> importance) {
    }

    private final PlanReviewResearch research;

    public ResearchSurveyController(PlanReviewResearch research) {
        this.research = research;
    }

    @GetMapping(value = "/survey/research/{token}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page(@PathVariable String token) throws IOException {
        PlanReviewResearch.State state = research.state(token);
        String page = switch (state) {
            case OPEN -> "research-survey.html";
            case GONE -> "survey-gone.html";
            case UNKNOWN -> "survey-unknown.html";
        };
        HttpStatus status = switch (state) {
            case OPEN -> HttpStatus.OK;
            case GONE -> HttpStatus.GONE;
            case UNKNOWN -> HttpStatus.NOT_FOUND;
        };
        String html = StreamUtils.copyToString(new ClassPathResource("templates/" + page).getInputStream(), StandardCharsets.UTF_8);
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html);
    }

    @GetMapping("/api/research-surveys/{token}")
    public PlanReviewResearch.OpenSurvey get(@PathVariable String token) {
        return research.open(token);
    }

    @PostMapping("/api/research-surveys/{token}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void answer(@PathVariable String token, @Valid @RequestBody ResearchAnswer answer) {
        research.answer(token, answer.expectations(), answer.unmetNeeds(), answer.competitors(), answer.importance());
    }
}
