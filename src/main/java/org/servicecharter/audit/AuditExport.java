package org.servicecharter.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.servicecharter.audit.AuditTrail.InstanceSummary;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Exports as CSV (RFC 4180 quoting by Jackson's CSV writer; one row per timeline entry or instance, details as a
 * JSON object in one column) and as JSON (the API's own representation, which the timeline page renders from).
 */
@Component
public class AuditExport {

    static final List<String> TRAIL_COLUMNS = List.of("seq", "time", "type", "activityId", "activityName",
            "activityInstanceId", "taskId", "taskName", "user", "summary", "details");
    static final List<String> SEARCH_COLUMNS = List.of("id", "processDefinitionKey", "processDefinitionName",
            "processDefinitionVersion", "processDefinitionId", "businessKey", "startTime", "endTime", "state",
            "startUserId", "durationMillis", "superProcessInstanceId", "deleteReason");

    private final ObjectMapper json;
    private final CsvMapper csv = new CsvMapper();

    public AuditExport(ObjectMapper objectMapper) {
        this.json = objectMapper.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    public String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String trailCsv(AuditTrail trail) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TimelineEntry entry : trail.timeline()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seq", entry.seq());
            row.put("time", entry.time() != null ? entry.time().toString() : null);
            row.put("type", entry.type());
            row.put("activityId", entry.activityId());
            row.put("activityName", entry.activityName());
            row.put("activityInstanceId", entry.activityInstanceId());
            row.put("taskId", entry.taskId());
            row.put("taskName", entry.taskName());
            row.put("user", entry.user());
            row.put("summary", entry.summary());
            row.put("details", compactJson(entry.details()));
            rows.add(row);
        }
        return write(TRAIL_COLUMNS, rows);
    }

    public String searchCsv(List<InstanceSummary> items) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (InstanceSummary item : items) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", item.id());
            row.put("processDefinitionKey", item.processDefinitionKey());
            row.put("processDefinitionName", item.processDefinitionName());
            row.put("processDefinitionVersion", item.processDefinitionVersion());
            row.put("processDefinitionId", item.processDefinitionId());
            row.put("businessKey", item.businessKey());
            row.put("startTime", item.startTime() != null ? item.startTime().toString() : null);
            row.put("endTime", item.endTime() != null ? item.endTime().toString() : null);
            row.put("state", item.state());
            row.put("startUserId", item.startUserId());
            row.put("durationMillis", item.durationMillis());
            row.put("superProcessInstanceId", item.superProcessInstanceId());
            row.put("deleteReason", item.deleteReason());
            rows.add(row);
        }
        return write(SEARCH_COLUMNS, rows);
    }

    private String write(List<String> columns, List<Map<String, Object>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        columns.forEach(schema::addColumn);
        try {
            // a leading = + - @ makes spreadsheets evaluate a cell; history text is user input, so neutralise it
            List<Map<String, Object>> safe = rows.stream().map(AuditExport::defuseFormulas).toList();
            return csv.writer(schema.build()).writeValueAsString(safe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> defuseFormulas(Map<String, Object> row) {
        Map<String, Object> safe = new LinkedHashMap<>();
        row.forEach((key, value) -> safe.put(key, value instanceof String s && !s.isEmpty()
                && "=+-@".indexOf(s.charAt(0)) >= 0 && !"details".equals(key) ? "'" + s : value));
        return safe;
    }

    private String compactJson(Object value) {
        try {
            return json.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
