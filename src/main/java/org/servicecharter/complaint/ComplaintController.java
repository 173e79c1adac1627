package org.servicecharter.complaint;

import java.net.URI;
import java.util.Map;

import org.servicecharter.platform.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Complaint intake: public, so that any channel (web form, mail gateway, phone system) can file one. */
@RestController
@RequestMapping("/api/complaints")
public class ComplaintController {

    private final ComplaintIntakeService intakeService;
    private final ComplaintQueries queries;

    public ComplaintController(ComplaintIntakeService intakeService, ComplaintQueries queries) {
        this.intakeService = intakeService;
        this.queries = queries;
    }

    /**
     * Validation (field rules and reference data alike) is the model's first step's, the same for Tasklist's start
     * form, so every bad field is named at once and in the same words through both doors.
     */
    @PostMapping
    public ResponseEntity<Map<String, String>> file(@RequestBody ComplaintIntake intake) {
        String reference = intakeService.file(intake);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{reference}").buildAndExpand(reference).toUri();
        return ResponseEntity.created(location).body(Map.of("reference", reference));
    }

    /** The complaint's register entry and where its handling stands; for logged-in staff who may read it. */
    @GetMapping("/{reference}")
    public ComplaintQueries.ComplaintView get(@PathVariable String reference) {
        return queries.find(reference)
                .orElseThrow(() -> new NotFound("No complaint with reference " + reference + " is visible to you."));
    }
}
