package org.servicecharter.employeefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /api/employees/{userId}/file}: the records in time order, and who may read whose file. Demo reporting
 * lines: alice and bob report to sam, sam to maria; hana is HR, olga a process owner, audrey an auditor.
 */
@ServiceCharterTest
class EmployeeFileApiTests {

    @LocalServerPort int port;
    @Autowired EmployeeFile employeeFile;

    private EmployeeFileEntry first;
    private EmployeeFileEntry second;

    @BeforeEach
    void twoRecordsForAlice() {
        first = employeeFile.append(record("alice", "First record"));
        second = employeeFile.append(record("alice", "Second record"));
    }

    @Test
    void theFileListsTheEmployeesRecordsInTimeOrder() {
        Http.Response response = Http.as(port, "alice").get("/api/employees/alice/file");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("employeeId").asText()).isEqualTo("alice");
        List<Long> ids = new java.util.ArrayList<>();
        String previous = "";
        for (JsonNode entry : body.get("entries")) {
            assertThat(entry.get("employeeId").asText()).isEqualTo("alice");
            String recordedAt = entry.get("recordedAt").asText();
            assertThat(java.time.Instant.parse(recordedAt)).isAfterOrEqualTo(previous.isEmpty() ? java.time.Instant.EPOCH : java.time.Instant.parse(previous));
            previous = recordedAt;
            ids.add(entry.get("id").asLong());
        }
        assertThat(ids).containsSubsequence(first.id(), second.id());
    }

    @Test
    void theEmployeeTheirManagersHrAndAuditorsReadIt() {
        for (String reader : List.of("alice", "sam", "maria", "hana", "audrey", "demo")) {
            assertThat(Http.as(port, reader).get("/api/employees/alice/file").status()).as(reader).isEqualTo(200);
        }
    }

    @Test
    void nobodyElseReadsIt() {
        for (String reader : List.of("bob", "olga")) {
            Http.Response response = Http.as(port, reader).get("/api/employees/alice/file");
            assertThat(response.status()).as(reader).isEqualTo(403);
            assertThat(response.body()).doesNotContain("First record");
        }
        // a manager reads down the line, not up
        assertThat(Http.as(port, "sam").get("/api/employees/maria/file").status()).isEqualTo(403);
        assertThat(Http.anonymous(port).get("/api/employees/alice/file").status()).isEqualTo(401);
    }

    @Test
    void anUnknownEmployeeIsNotFoundForThoseWhoReadEveryFile() {
        assertThat(Http.as(port, "hana").get("/api/employees/nosuchuser/file").status()).isEqualTo(404);
        assertThat(Http.as(port, "bob").get("/api/employees/nosuchuser/file").status()).isEqualTo(403);
    }

    @Test
    void theApiHasNoWayToChangeOrRemoveARecord() {
        Http hr = Http.as(port, "hana");
        assertThat(hr.put("/api/employees/alice/file", Map.of("entries", List.of())).status()).isEqualTo(405);
        assertThat(hr.delete("/api/employees/alice/file").status()).isEqualTo(405);
        assertThat(hr.post("/api/employees/alice/file", Map.of("summary", "forged")).status()).isEqualTo(405);
        assertThat(hr.delete("/api/employees/alice/file/" + first.id()).status()).isIn(404, 405);
        assertThat(employeeFile.find(first.uniqueKey())).contains(first);
    }

    private static EmployeeFileEntry.NewEntry record(String employee, String summary) {
        return new EmployeeFileEntry.NewEntry(employee, "test-record", summary, "test", null, null, "hana", null,
                "test:" + UUID.randomUUID());
    }
}
