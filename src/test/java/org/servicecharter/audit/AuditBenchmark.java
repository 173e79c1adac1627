package org.servicecharter.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Audit benchmark (not a test): seeds finished instances through the engine API - no history is written by hand -
 * then measures the search page and the trail of a 500-event instance, through the services and over HTTP.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.servicecharter.audit.AuditBenchmark \
 *     --benchmark.instances=100000 [--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/audit_bench \
 *     --spring.datasource.username=postgres --spring.datasource.password=]
 * </pre>
 * The seeded model is a one-step process (start, a manual step, end; two variables): the search reads
 * ACT_HI_PROCINST, ACT_HI_VARINST and ACT_HI_IDENTITYLINK, whose size per instance this keeps honest while seeding
 * 100k in minutes. Seeding a database again adds to it; use a fresh data directory or database.
 */
public final class AuditBenchmark {

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int instances = 100_000;
        List<String> springArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--benchmark.instances=")) {
                instances = Integer.parseInt(arg.substring(arg.indexOf('=') + 1));
            } else {
                springArgs.add(arg);
            }
        }
        // defaults, unless given (a property given twice would be joined with a comma)
        for (String fallback : List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
                "--servicecharter.data-dir=./target/benchmark-data", "--logging.level.root=warn")) {
            String name = fallback.substring(0, fallback.indexOf('=') + 1);
            if (springArgs.stream().noneMatch(arg -> arg.startsWith(name))) {
                springArgs.add(fallback);
            }
        }
        ConfigurableApplicationContext context = SpringApplication.run(ServiceCharterApplication.class, springArgs.toArray(String[]::new));
        try {
            run(context, instances);
        } finally {
            context.close();
        }
    }

    static void run(ConfigurableApplicationContext context, int instances) {
        ProcessEngine engine = context.getBean(ProcessEngine.class);
        RuntimeService runtime = engine.getRuntimeService();
        IdentityService identity = engine.getIdentityService();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        String database = engine.getProcessEngineConfiguration().getDatabaseType();

        BpmnModelInstance trivial = Bpmn.createExecutableProcess("audit-benchmark").name("Audit benchmark")
                .camundaHistoryTimeToLive(1).startEvent().manualTask("Step").endEvent().done();
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("audit-benchmark").count() == 0) {
            engine.getRepositoryService().createDeployment().addModelInstance("audit-benchmark.bpmn", trivial).deploy();
        }
        // a loop that produces a 500-event trail: a user task done over and over, a variable changed each time
        BpmnModelInstance loop = Bpmn.createExecutableProcess("audit-benchmark-loop").name("Audit benchmark loop")
                .camundaHistoryTimeToLive(1).startEvent().exclusiveGateway("Join").userTask("Work").camundaAssignee("alice")
                .exclusiveGateway("Done").condition("done", "${round >= 45}").endEvent()
                .moveToLastGateway().condition("again", "${round < 45}").connectTo("Join").done();
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("audit-benchmark-loop").count() == 0) {
            engine.getRepositoryService().createDeployment().addModelInstance("audit-benchmark-loop.bpmn", loop).deploy();
        }

        long existing = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("audit-benchmark").count();
        Instant seedStart = Instant.now();
        for (long n = existing; n < instances; n++) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("n", n);
            variables.put("employee", "employee" + (n % 50));
            runtime.startProcessInstanceByKey("audit-benchmark", String.format("B-%07d", n), variables);
            if (n % 10_000 == 0 && n > existing) {
                System.out.printf("  seeded %d (%s)%n", n, Duration.between(seedStart, Instant.now()));
            }
        }
        Duration seeding = Duration.between(seedStart, Instant.now());
        System.out.printf("%s: seeded %d instances in %s (%d were there)%n", database, instances - existing, seeding, existing);

        TaskService tasks = engine.getTaskService();
        String loopId = runtime.startProcessInstanceByKey("audit-benchmark-loop", Map.of("round", 0)).getId();
        identity.setAuthentication("alice", List.of("agents", "employees"));
        for (int round = 1; round <= 45; round++) {
            Task task = tasks.createTaskQuery().processInstanceId(loopId).singleResult();
            tasks.complete(task.getId(), Map.of("round", round));
        }
        identity.clearAuthentication();

        AuditSearchService search = context.getBean(AuditSearchService.class);
        AuditTrailService trails = context.getBean(AuditTrailService.class);
        identity.setAuthentication("audrey", List.of("auditors", "employees"));
        try {
            int events = trails.trail(loopId).timeline().size();
            System.out.printf("%s: loop instance trail has %d events%n", database, events);
            // every run asks something different: H2 reuses the result of an identical query on unchanged tables
            measure(database + " search first page (50, all finished, page size varies)", i ->
                    search.search(new AuditSearchService.Criteria("audit-benchmark", null, null, null, "finished", null, 0, 50 + i)));
            measure(database + " search deep page (page 900+i of 50)", i ->
                    search.search(new AuditSearchService.Criteria("audit-benchmark", null, null, null, "finished", null, 900 + i, 50)));
            measure(database + " search business key prefix B-000xy*", i ->
                    search.search(new AuditSearchService.Criteria(null, String.format("B-000%02d*", i), null, null, null, null, 0, 50)));
            measure(database + " search employee involved (1/50 of all)", i ->
                    search.search(new AuditSearchService.Criteria("audit-benchmark", null, null, null, null, "employee" + i, 0, 50)));
            measure(database + " trail build (" + events + " events)", i -> trails.trail(loopId));
        } finally {
            identity.clearAuthentication();
        }
        Http audrey = Http.as(port, "audrey");
        measure(database + " HTTP GET search first page", i -> audrey.get("/api/audit/instances?processKey=audit-benchmark&state=finished&size=" + (50 + i)));
        measure(database + " HTTP GET trail (500-event instance)", i -> audrey.get("/api/audit/instances/" + loopId + "/trail"));
    }

    static void measure(String name, IntFunction<?> action) {
        for (int i = 0; i < 5; i++) {
            action.apply(45 + i);
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long start = System.nanoTime();
            action.apply(i);
            micros.add((System.nanoTime() - start) / 1000);
        }
        Collections.sort(micros);
        System.out.printf("RESULT %-60s p50 %7.1f ms  p95 %7.1f ms%n", name, micros.get(micros.size() / 2) / 1000.0,
                micros.get((int) Math.ceil(micros.size() * 0.95) - 1) / 1000.0);
    }
}
