package org.servicecharter.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.servicecharter.audit.AuditSearchService.Criteria;
import org.servicecharter.audit.AuditSearchService.Page;
import org.servicecharter.audit.AuditTrail.InstanceSummary;
import org.servicecharter.platform.NotFound;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.Rejected.FieldError;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' API: search, one instance's trail, its diagram, exports. Only GET: nothing here changes
 * anything. Auditors and administrators only (403 for everyone else, 401 without a login).
 */
@RestController
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
public class AuditController {

    /** A search export is complete or refused: an auditor must never work from a silently cut list. */
    static final int MAX_EXPORT_ROWS = AuditSearchService.COUNT_LIMIT;

    private final AuditSearchService search;
    private final AuditTrailService trails;
    private final AuditExport export;
    private final AuditAccess access;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final org.camunda.bpm.engine.IdentityService identityService;

    public AuditController(AuditSearchService search, AuditTrailService trails, AuditExport export, AuditAccess access,
            HistoryService historyService, RepositoryService repositoryService,
            org.camunda.bpm.engine.IdentityService identityService) {
        this.identityService = identityService;
        this.search = search;
        this.trails = trails;
        this.export = export;
        this.access = access;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
    }

    /** Who is reading: their id and, for the page's header, their name (the id when they have none). */
    @GetMapping("/me")
    public Map<String, Object> me() {
        String userId = access.requireAuditor();
        org.camunda.bpm.engine.identity.User user = org.servicecharter.platform.SystemAccess.call(identityService,
                () -> identityService.createUserQuery().userId(userId).singleResult());
        return Map.of("userId", userId, "name", org.servicecharter.platform.PersonName.of(user, userId));
    }

    @GetMapping("/models")
    public List<Map<String, Object>> models() {
        return search.models();
    }

    @GetMapping("/instances")
    public Page instances(@RequestParam(required = false) String processKey,
            @RequestParam(required = false) String businessKey, @RequestParam(required = false) String startedFrom,
            @RequestParam(required = false) String startedTo, @RequestParam(required = false) String state,
            @RequestParam(required = false) String employee, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        access.requireAuditor();
        return search.search(criteria(processKey, businessKey, startedFrom, startedTo, state, employee, page, size));
    }

    @GetMapping(path = "/instances/export", produces = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
    public ResponseEntity<String> exportInstances(@RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) String processKey, @RequestParam(required = false) String businessKey,
            @RequestParam(required = false) String startedFrom, @RequestParam(required = false) String startedTo,
            @RequestParam(required = false) String state, @RequestParam(required = false) String employee) {
        access.requireAuditor();
        checkFormat(format);
        int batch = AuditSearchService.MAX_PAGE_SIZE;
        Criteria first = criteria(processKey, businessKey, startedFrom, startedTo, state, employee, 0, batch);
        Page page = search.search(first);
        if (!page.totalExact() || page.total() > MAX_EXPORT_ROWS) {
            throw new Rejected("The search matches " + (page.totalExact() ? "" : "more than ") + page.total()
                            + " instances; an export holds at most " + MAX_EXPORT_ROWS
                            + ". Narrow it (model, dates, state) and export in parts.");
        }
        List<InstanceSummary> items = new ArrayList<>(page.items());
        for (int p = 1; (long) p * batch < page.total(); p++) {
            items.addAll(search.search(criteria(processKey, businessKey, startedFrom, startedTo, state, employee, p, batch))
                    .items());
        }
        String name = "audit-search-" + Instant.now().toString().replace(':', '-');
        if ("csv".equals(format)) {
            return file(export.searchCsv(items), name + ".csv", "text/csv");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> criteria = new LinkedHashMap<>();
        criteria.put("processKey", processKey);
        criteria.put("businessKey", businessKey);
        criteria.put("startedFrom", startedFrom);
        criteria.put("startedTo", startedTo);
        criteria.put("state", state);
        criteria.put("employee", employee);
        body.put("criteria", criteria);
        body.put("exportedAt", Instant.now().toString());
        body.put("exportedBy", access.requireAuditor());
        body.put("total", page.total());
        body.put("items", items);
        return file(export.json(body), name + ".json", MediaType.APPLICATION_JSON_VALUE);
    }

    @GetMapping("/instances/{id}/trail")
    public AuditTrail trail(@PathVariable String id) {
        return trails.trail(id);
    }

    @GetMapping(path = "/instances/{id}/trail/export", produces = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
    public ResponseEntity<String> exportTrail(@PathVariable String id, @RequestParam(defaultValue = "csv") String format) {
        access.requireAuditor();
        checkFormat(format);
        AuditTrail trail = trails.trail(id);
        String name = "audit-trail-" + (trail.instance().businessKey() != null ? trail.instance().businessKey() : id);
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if ("csv".equals(format)) {
            return file(export.trailCsv(trail), name + ".csv", "text/csv");
        }
        return file(export.json(trail), name + ".json", MediaType.APPLICATION_JSON_VALUE);
    }

    /** The BPMN XML of the version the instance ran on, for the diagram. */
    @GetMapping(path = "/instances/{id}/diagram", produces = MediaType.APPLICATION_XML_VALUE)
    public ResponseEntity<byte[]> diagram(@PathVariable String id) throws java.io.IOException {
        access.requireAuditor();
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery().processInstanceId(id)
                .singleResult();
        if (instance == null) {
            throw new NotFound("There is no process instance " + id + " in the history.");
        }
        try (var model = repositoryService.getProcessModel(instance.getProcessDefinitionId())) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(model.readAllBytes());
        }
    }

    private static void checkFormat(String format) {
        if (!"csv".equals(format) && !"json".equals(format)) {
            throw Rejected.fields(List.of(new FieldError("format", "must be csv or json")));
        }
    }

    private static ResponseEntity<String> file(String body, String fileName, String contentType) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .contentType(MediaType.parseMediaType(contentType + ";charset=UTF-8"))
                .body(body);
    }

    private static Criteria criteria(String processKey, String businessKey, String startedFrom, String startedTo,
            String state, String employee, int page, int size) {
        List<FieldError> errors = new ArrayList<>();
        Instant from = time(startedFrom, false, "startedFrom", errors);
        Instant to = time(startedTo, true, "startedTo", errors);
        errors.addAll(Criteria.errors(state, page, size, from, to));
        if (!errors.isEmpty()) {
            throw Rejected.fields(errors);
        }
        return new Criteria(processKey, businessKey, from, to, state, employee, page, size);
    }

    /** An ISO instant, or a date (UTC): as a lower bound its start, as an upper bound the start of the next day. */
    private static Instant time(String value, boolean upper, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (upper ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO date (2026-01-31) or instant (2026-01-31T12:00:00Z)"));
            return null;
        }
    }
}
