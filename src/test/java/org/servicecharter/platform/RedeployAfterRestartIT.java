package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicecharter.Http;
import org.servicecharter.PackagedApp;

/**
 * Which version serves new instances after a restart, when a process owner deployed a newer version of one of the
 * application's own models from Camunda Modeler in between. The rule (README): the newest deployment of a key
 * serves new instances. At start-up the application deploys its own models only when one of its files differs from
 * its last deployment of them (duplicate filtering by deployment name, {@code META-INF/processes.xml}), so a restart
 * with unchanged files leaves the process owner's version in service, and a release with a changed file puts the
 * repository's version in service over it. Runs against the real jar (failsafe, after {@code package}).
 */
class RedeployAfterRestartIT {

    static final String KEY = "complaint-handling";

    @TempDir
    Path dataDir;

    @TempDir
    Path jars;

    PackagedApp app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aProcessOwnersVersionServesAfterARestartUntilTheRepositorysOwnModelChanges() throws Exception {
        app = start(Path.of("target", "service-charter.jar"), "first");
        JsonNode repositoryVersion = latest(app.port());
        assertThat(repositoryVersion.get("version").asInt()).isEqualTo(1);
        assertThat(deploymentOf(app.port(), repositoryVersion).get("source").asText()).isEqualTo("process application");

        // the process owner deploys a changed complaint model with its decision and forms from Camunda Modeler
        Map<String, String> files = new LinkedHashMap<>();
        files.put("complaint-handling.bpmn", Files.readString(Path.of("processes/complaint-handling.bpmn"))
                .replaceFirst("name=\"Complaint handling\"", "name=\"Complaint handling (Modeler)\""));
        files.put("complaint-classification.dmn", Files.readString(Path.of("processes/complaint-classification.dmn")));
        for (String form : new String[] {"complaint-intake", "handle-complaint", "follow-up-overdue-complaint",
                "call-customer-for-survey", "recover-service"}) {
            files.put(form + ".form", Files.readString(Path.of("forms/" + form + ".form")));
        }
        Http.Response deployed = Http.as(app.port(), "olga").multipart("/engine-rest/deployment/create", Map.of(
                "deployment-name", KEY, "deployment-source", "Camunda Modeler", "enable-duplicate-filtering", "true"), files);
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        assertThat(definitionOfNewComplaint(app.port()).get("name").asText()).isEqualTo("Complaint handling (Modeler)");

        // restart with the same build: the application's models are unchanged, nothing is deployed, Modeler's version serves
        app.close();
        app = start(Path.of("target", "service-charter.jar"), "same-build");
        JsonNode afterRestart = definitionOfNewComplaint(app.port());
        assertThat(afterRestart.get("version").asInt()).isEqualTo(2);
        assertThat(afterRestart.get("name").asText()).isEqualTo("Complaint handling (Modeler)");
        assertThat(deploymentOf(app.port(), afterRestart).get("source").asText()).isEqualTo("Camunda Modeler");
        assertThat(Http.as(app.port(), "demo").get("/engine-rest/deployment/count?name=service-charter").json().get("count").asInt())
                .as("no new deployment of the application's own models").isEqualTo(1);
        String modelerInstance = afterRestart.get("instanceId").asText();

        // a release whose complaint model changed: its whole set is deployed again and the repository's version serves
        Path release = changedBuild(xml -> xml.replaceFirst("name=\"Complaint handling\"", "name=\"Complaint handling (release 2)\""));
        app.close();
        app = start(release, "release-2");
        JsonNode afterRelease = definitionOfNewComplaint(app.port());
        assertThat(afterRelease.get("version").asInt()).isEqualTo(3);
        assertThat(afterRelease.get("name").asText()).isEqualTo("Complaint handling (release 2)");
        assertThat(deploymentOf(app.port(), afterRelease).get("source").asText()).isEqualTo("process application");
        // the complaint filed on the Modeler version goes on on it
        assertThat(Http.as(app.port(), "demo").get("/engine-rest/process-instance/" + modelerInstance).json()
                .get("definitionId").asText()).isEqualTo(afterRestart.get("id").asText());
        // and the decision model in the release set got a version of its own too (the set is deployed as a whole)
        assertThat(Http.as(app.port(), "demo").get("/engine-rest/process-definition/key/decision-approval").json()
                .get("version").asInt()).isEqualTo(2);
    }

    private PackagedApp start(Path jar, String name) throws IOException, InterruptedException {
        return PackagedApp.start(jar, PackagedApp.logDirectory(), "redeploy-" + name, List.of(
                "--servicecharter.data-dir=" + dataDir.toAbsolutePath(), "--camunda.bpm.job-execution.enabled=false"), Map.of());
    }

    /** Files a complaint through the intake API; the definition its instance runs on, with the instance's id. */
    private static JsonNode definitionOfNewComplaint(int port) {
        Http.Response filed = Http.anonymous(port).post("/api/complaints", Map.of("customerName", "Kim", "customerEmail",
                "kim@example.com", "channel", "phone", "category", "product", "description", "It broke."));
        assertThat(filed.status()).as(filed.body()).isBetween(200, 201);
        String reference = filed.json().get("reference").asText();
        Http demo = Http.as(port, "demo");
        List<Map<String, Object>> instances = demo.get("/engine-rest/process-instance?businessKey=" + reference + "&maxResults=10").list();
        assertThat(instances).hasSize(1);
        JsonNode definition = demo.get("/engine-rest/process-definition/" + instances.get(0).get("definitionId")).json();
        ((ObjectNode) definition).put("instanceId", (String) instances.get(0).get("id"));
        return definition;
    }

    private static JsonNode latest(int port) {
        return Http.as(port, "demo").get("/engine-rest/process-definition/key/" + KEY).json();
    }

    private static JsonNode deploymentOf(int port, JsonNode definition) {
        return Http.as(port, "demo").get("/engine-rest/deployment/" + definition.get("deploymentId").asText()).json();
    }

    /**
     * A copy of the packaged jar whose complaint-handling.bpmn is changed, as the next release would be. Entries are
     * copied as they are (the nested library jars stay stored, as Spring Boot's launcher requires).
     */
    private Path changedBuild(UnaryOperator<String> change) throws IOException {
        Path target = jars.resolve("service-charter-release-2.jar");
        String model = "BOOT-INF/classes/complaint-handling.bpmn";
        boolean changed = false;
        try (ZipFile source = new ZipFile(Path.of("target", "service-charter.jar").toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Enumeration<? extends ZipEntry> entries = source.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().equals(model)) {
                    String xml = new String(source.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                    String revised = change.apply(xml);
                    assertThat(revised).isNotEqualTo(xml);
                    out.putNextEntry(new ZipEntry(model));
                    out.write(revised.getBytes(StandardCharsets.UTF_8));
                    changed = true;
                } else {
                    ZipEntry copy = new ZipEntry(entry);
                    if (copy.getMethod() == ZipEntry.DEFLATED) {
                        copy.setCompressedSize(-1);
                    }
                    out.putNextEntry(copy);
                    try (InputStream in = source.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        assertThat(changed).as(model + " in the jar").isTrue();
        return target;
    }
}
