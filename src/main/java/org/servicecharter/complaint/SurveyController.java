package org.servicecharter.complaint;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's survey: a page at {@code /survey/{token}} (the link in the customer's message) that posts to
 * {@code /api/surveys/{token}}. No login: the unguessable, single-use token is the credential.
 */
@RestController
public class SurveyController {

    /** {@code resolved}: false when the customer says the issue is not resolved; absent counts as resolved. */
    public record SurveyAnswer(
            @NotNull(message = "is required") @Min(value = 1, message = "must be between 1 and 5")
            @Max(value = 5, message = "must be between 1 and 5") Integer rating,
            @Size(max = 2000, message = "must be at most 2000 characters") String comment,
            Boolean resolved) {
    }

    private final SurveyService surveys;

    public SurveyController(SurveyService surveys) {
        this.surveys = surveys;
    }

    @GetMapping(value = "/survey/{token}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page(@PathVariable String token) throws java.io.IOException {
        SurveyService.State state = surveys.state(token);
        String page = switch (state) {
            case OPEN -> "survey.html";
            case GONE -> "survey-gone.html";
            case UNKNOWN -> "survey-unknown.html";
        };
        HttpStatus status = switch (state) {
            case OPEN -> HttpStatus.OK;
            case GONE -> HttpStatus.GONE;
            case UNKNOWN -> HttpStatus.NOT_FOUND;
        };
        String html = StreamUtils.copyToString(new ClassPathResource("templates/" + page).getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8);
        if (state == SurveyService.State.OPEN) {
            html = html.replace("{{reference}}", escape(surveys.open(token).reference()));
        }
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html);
    }

    @GetMapping("/api/surveys/{token}")
    public SurveyService.OpenSurvey get(@PathVariable String token) {
        return surveys.open(token);
    }

    @PostMapping("/api/surveys/{token}")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.NO_CONTENT)
    public void answer(@PathVariable String token, @Valid @RequestBody SurveyAnswer answer) {
        surveys.answer(token, answer.rating(), answer.comment(), answer.resolved() == null || answer.resolved());
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
