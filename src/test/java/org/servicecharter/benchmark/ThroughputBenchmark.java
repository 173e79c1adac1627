package org.servicecharter.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.servicecharter.platform.governance.SandboxedExpressionManager;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.complaint.ComplaintIntake;
import org.servicecharter.complaint.ComplaintIntakeService;
import org.servicecharter.complaint.ComplaintProcess;
import org.servicecharter.complaint.CustomerMessages;
import org.servicecharter.complaint.SurveyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: a benchmark, excluded from the build (tag "benchmark"). Run it with
 * {@code bench/run.sh} (H2 file database and PostgreSQL), which prints the figures the README reports.
 * <ul>
 * <li>Throughput of the complaint model from intake to close, through the application's own services, side by
 * side with the same BPMN on a bare {@link ProcessEngine} (stand-in delegates, no application code) in the same
 * JVM and database, at 1, 2 and 4 threads.</li>
 * <li>Task-list latency ("my tasks", "my group's tasks", 50 a page, authorization on) with 10k and 100k open
 * tasks.</li>
 * </ul>
 */
@Tag("benchmark")
@ServiceCharterTest
class ThroughputBenchmark {

    static final int WARMUP = Integer.getInteger("bench.warmup", 100);
    static final int INSTANCES = Integer.getInteger("bench.instances", 400);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 4);

    @Autowired
    ProcessEngine engine;

    @Autowired
    DataSource dataSource;

    @Autowired
    ComplaintIntakeService intake;

    @Autowired
    SurveyService surveys;

    @Autowired
    CustomerMessages messages;

    /**
     * Where a single engine call's extra time goes, app vs bare engine on the same data source: an empty command, the
     * find-task query as its own command, 100 such queries inside one command (the cost per statement), and a
     * command that only takes a connection. Run it with and without
     * {@code -Dservicecharter.task-query.sub-query-authorization=false} to see what the patched task mapping costs.
     */
    @Test
    void perCommandAndPerStatementCostAppVersusBareEngine() throws Exception {
        ProcessEngine bare = bareEngine();
        try {
            for (int i = 0; i < 20; i++) { appComplaint(i); bareComplaint(bare, i); }
            org.camunda.bpm.engine.impl.interceptor.CommandExecutor appExec =
                    ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
            org.camunda.bpm.engine.impl.interceptor.CommandExecutor bareExec =
                    ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) bare.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
            StringBuilder out = new StringBuilder("BENCHMARK per command and per statement, app vs bare engine, microseconds\n");
            for (int round = 0; round < 3; round++) {
                out.append(String.format("empty command: app %.1f us, bare %.1f us%n", micros(() -> appExec.execute(c -> null)), micros(() -> bareExec.execute(c -> null))));
                out.append(String.format("query: app %.1f us, bare %.1f us%n",
                        micros(() -> engine.getTaskService().createTaskQuery().processInstanceBusinessKey("none").list()),
                        micros(() -> bare.getTaskService().createTaskQuery().processInstanceBusinessKey("none").list())));
            }
            for (int round = 0; round < 2; round++) {
                out.append(String.format("100 queries in one command: app %.1f us, bare %.1f us per query%n",
                        micros(() -> appExec.execute(c -> { for (int q = 0; q < 100; q++) { engine.getTaskService().createTaskQuery().processInstanceBusinessKey("none").list(); } return null; })) / 100,
                        micros(() -> bareExec.execute(c -> { for (int q = 0; q < 100; q++) { bare.getTaskService().createTaskQuery().processInstanceBusinessKey("none").list(); } return null; })) / 100));
                out.append(String.format("connection only (a count in one command): app %.1f us, bare %.1f us%n",
                        micros(() -> engine.getManagementService().getTableCount()), micros(() -> bare.getManagementService().getTableCount())));
            }
            System.out.println(out);
        } finally {
            bare.close();
        }
    }

    private static double micros(Runnable r) {
        for (int i = 0; i < 500; i++) r.run();
        long start = System.nanoTime();
        for (int i = 0; i < 300; i++) r.run();
        return (System.nanoTime() - start) / 300 / 1000.0;
    }

    @Test
    void complaintThroughputAppVersusBareEngine() throws Exception {
        ProcessEngine bare = bareEngine();
        try {
            run(WARMUP, 2, i -> appComplaint(i));
            run(WARMUP, 2, i -> bareComplaint(bare, i));
            StringBuilder table = new StringBuilder("| threads | app (instances/s) | bare engine (instances/s) | app / bare |\n| --- | --- | --- | --- |\n");
            for (int threads : new int[] {1, 2, 4}) {
                // in rounds of bare, app, app, bare: the database grows, the JVM warms and the disk's flush latency
                // wanders over a run, and that drift would otherwise count against whichever side runs second
                int chunk = INSTANCES / (2 * ROUNDS);
                double bareSeconds = 0;
                double appSeconds = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    int offset = round * 2 * chunk;
                    bareSeconds += chunk / run(chunk, threads, i -> bareComplaint(bare, offset + i));
                    appSeconds += chunk / run(chunk, threads, i -> appComplaint(offset + i));
                    appSeconds += chunk / run(chunk, threads, i -> appComplaint(offset + chunk + i));
                    bareSeconds += chunk / run(chunk, threads, i -> bareComplaint(bare, offset + chunk + i));
                }
                double bareRate = 2 * ROUNDS * chunk / bareSeconds;
                double appRate = 2 * ROUNDS * chunk / appSeconds;
                table.append(String.format("| %d | %.1f | %.1f | %.2f |%n", threads, appRate, bareRate, appRate / bareRate));
            }
            System.out.println("BENCHMARK complaint intake-to-close on " + database() + ", " + INSTANCES + " instances per cell\n" + table);
        } finally {
            bare.close();
        }
    }

    /**
     * Where the time goes: ms per step of a complaint, app vs bare engine, one thread, alternating sides, after a
     * warm-up (the README's breakdown).
     */
    @Test
    void millisecondsPerStepAppVersusBareEngine() throws Exception {
        ProcessEngine bare = bareEngine();
        try {
            run(WARMUP, 1, i -> appComplaint(i));
            run(WARMUP, 1, i -> bareComplaint(bare, i));
            long[] app = new long[STEPS];
            long[] bareNanos = new long[STEPS];
            for (int i = 0; i < INSTANCES; i++) {
                appComplaint(i, timed(app));
                bareComplaint(bare, i, timed(bareNanos));
            }
            String[] names = {"start", "find task", "complete task", "survey job", "answer"};
            StringBuilder out = new StringBuilder("BENCHMARK ms per step, app vs bare engine on " + database() + ", " + INSTANCES + " complaints a side\n");
            for (int s = 0; s < names.length; s++) {
                out.append(String.format("| %s | %.2f | %.2f |%n", names[s], app[s] / 1e6 / INSTANCES, bareNanos[s] / 1e6 / INSTANCES));
            }
            System.out.println(out);
        } finally {
            bare.close();
        }
    }

    /**
     * What the application writes and reads beyond the bare engine: the SQL statements of each step of one complaint,
     * app and bare side by side (after a warm-up complaint on each), printed with their text.
     */
    @Test
    void statementsPerStepAppVersusBareEngine() {
        ProcessEngine bare = bareEngine();
        try {
            appComplaint(-1);
            bareComplaint(bare, -1);
            StringBuilder out = new StringBuilder("BENCHMARK SQL statements per step, app vs bare engine on " + database() + "\n");
            List<List<String>> app = new ArrayList<>();
            List<List<String>> bareSteps = new ArrayList<>();
            appComplaint(-2, (step, work) -> app.add(org.servicecharter.SqlCounting.statementTextsOf(work)));
            bareComplaint(bare, -2, (step, work) -> bareSteps.add(org.servicecharter.SqlCounting.statementTextsOf(work)));
            String[] names = {"start", "find task", "complete task", "survey job", "answer"};
            for (int s = 0; s < names.length; s++) {
                out.append(String.format("| %s | %d | %d |%n", names[s], app.get(s).size(), bareSteps.get(s).size()));
            }
            for (int s = 0; s < names.length; s++) {
                out.append("-- app ").append(names[s]).append('\n');
                app.get(s).forEach(q -> out.append("   ").append(q.replaceAll("\\s+", " ")).append('\n'));
                out.append("-- bare ").append(names[s]).append('\n');
                bareSteps.get(s).forEach(q -> out.append("   ").append(q.replaceAll("\\s+", " ")).append('\n'));
            }
            System.out.println(out);
        } finally {
            bare.close();
        }
    }

    /**
     * Task-list latency. Seeds up to 10k, then 100k open tasks (10 % assigned to alice, all offered to agents), and
     * also times an "all tasks" list as hana (HR), who sees none of them; a database seeded by an earlier run is topped
     * up, not seeded again ({@code -Dbench.keepTasks=true} keeps them).
     */
    @Test
    void taskListLatency() throws Exception {
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("bench-open-task").count() == 0) {
            engine.getRepositoryService().createDeployment().name("bench-open-tasks")
                    .addModelInstance("bench-open-task.bpmn", Bpmn.createExecutableProcess("bench-open-task")
                            .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Open").name("Open task")
                            .camundaCandidateGroups("agents").camundaAssignee("${assignee}").endEvent().done())
                    .deploy();
        }
        IdentityService identity = engine.getIdentityService();
        TaskService tasks = engine.getTaskService();
        StringBuilder table = new StringBuilder("| open tasks | my tasks: page of 50 | my tasks: count | my group's tasks: page of 50 | my group's tasks: count | all tasks, seeing none: page of 50 |\n| --- | --- | --- | --- | --- | --- |\n");
        int[] targets = Arrays.stream(System.getProperty("bench.openTasks", "10000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        for (int target : targets) {
            long seeded = tasks.createTaskQuery().processDefinitionKey("bench-open-task").count();
            long seedStart = System.nanoTime();
            int toSeed = (int) Math.max(0, target - seeded);
            run(toSeed, 4, i -> engine.getRuntimeService().startProcessInstanceByKey("bench-open-task",
                    Collections.singletonMap("assignee", i % 10 == 0 ? "alice" : null)));
            System.out.printf("seeded %d open tasks in %.0f s%n", toSeed, (System.nanoTime() - seedStart) / 1e9);
            if ("postgres".equals(database())) {
                // what autovacuum does after a while in production; right after seeding the planner's statistics
                // still describe empty tables
                new JdbcTemplate(dataSource).execute("ANALYZE");
            }
            identity.setAuthentication("alice", List.of("agents", "employees"));
            try {
                List<String> groups = List.of("agents", "employees");
                double[] minePage = latency(() -> tasks.createTaskQuery().taskAssignee("alice").orderByTaskCreateTime().desc().listPage(0, 50));
                double[] mineCount = latency(() -> tasks.createTaskQuery().taskAssignee("alice").count());
                double[] groupPage = latency(() -> tasks.createTaskQuery().taskCandidateGroupIn(groups).orderByTaskCreateTime().desc().listPage(0, 50));
                double[] groupCount = latency(() -> tasks.createTaskQuery().taskCandidateGroupIn(groups).count());
                identity.setAuthentication("hana", List.of("hr", "employees"));
                // no narrowing criteria and none of the tasks visible: the whole list is walked to fill no page
                double[] unseenPage = latency(() -> tasks.createTaskQuery().orderByTaskCreateTime().desc().listPage(0, 50));
                table.append(String.format("| %,d | %s | %s | %s | %s | %s |%n", target, ms(minePage), ms(mineCount), ms(groupPage),
                        ms(groupCount), ms(unseenPage)));
            } finally {
                identity.clearAuthentication();
            }
        }
        System.out.println("BENCHMARK task-list latency, p50 / p95 in ms (authorization on, alice in agents) on " + database() + "\n" + table);
        if (!Boolean.getBoolean("bench.keepTasks")) {
            // the open tasks go; the deployment and the history stay (nothing erases the trail: TrailGuard), and the
            // history cleanup removes it after the model's time-to-live of one day
            List<String> open;
            while (!(open = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("bench-open-task")
                    .listPage(0, 1000).stream().map(ProcessInstance::getId).toList()).isEmpty()) {
                engine.getRuntimeService().deleteProcessInstances(open, "benchmark finished", true, true);
            }
        }
    }

    private static String ms(double[] p50p95) {
        return String.format("%.1f / %.1f", p50p95[0], p50p95[1]);
    }

    /** p50 and p95 in ms of 100 runs after 10 warm-ups; a slow query stops after 30 s with at least 10 runs. */
    private static double[] latency(Runnable query) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        for (int i = 0; i < 10 && (i < 2 || System.nanoTime() < deadline); i++) {
            query.run();
        }
        deadline = System.nanoTime() + 30_000_000_000L;
        List<Double> millis = new ArrayList<>();
        while (millis.size() < 100 && (millis.size() < 10 || System.nanoTime() < deadline)) {
            long start = System.nanoTime();
            query.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return new double[] {millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1)};
    }

    /** The application's path: intake service (validation, register, DMN), task completion, survey job, survey answer. */
    /** The steps of one complaint: start, find task, complete task, survey job, answer. */
    static final int STEPS = 5;

    /** Runs one step of a complaint; the benchmarks time it or record its statements. */
    interface Steps {
        void step(int index, Runnable work);
    }

    private static final Steps UNOBSERVED = (index, work) -> work.run();

    private static Steps timed(long[] nanos) {
        return (index, work) -> {
            long start = System.nanoTime();
            work.run();
            nanos[index] += System.nanoTime() - start;
        };
    }

    private void appComplaint(int i) {
        appComplaint(i, UNOBSERVED);
    }

    /** The application's path: intake service (validation, register, DMN), task completion, survey job, survey answer. */
    private void appComplaint(int i, Steps steps) {
        String[] reference = new String[1];
        steps.step(0, () -> reference[0] = intake.file(new ComplaintIntake("Customer " + i, "c" + i + "@example.com", "email", "delivery",
                "Benchmark complaint " + i, null, null)));
        TaskService taskService = engine.getTaskService();
        Task[] task = new Task[1];
        steps.step(1, () -> task[0] = taskService.createTaskQuery().processInstanceBusinessKey(reference[0]).singleResult());
        steps.step(2, () -> taskService.complete(task[0].getId(), Map.of(ComplaintProcess.VAR_RESOLUTION, "Resolved.")));
        ManagementService management = engine.getManagementService();
        String job = management.createJobQuery().processInstanceId(task[0].getProcessInstanceId()).messages().singleResult().getId();
        steps.step(3, () -> management.executeJob(job));
        String token = messages.forReference(reference[0]).stream().filter(m -> m.body().contains("/survey/")).findFirst().orElseThrow()
                .body().replaceAll("(?s).*/survey/([A-Za-z0-9_-]{43}).*", "$1");
        steps.step(4, () -> surveys.answer(token, 5, null, true));
    }

    /** The same model on the bare engine: same steps, stand-in delegates. */
    private static void bareComplaint(ProcessEngine bare, int i) {
        bareComplaint(bare, i, UNOBSERVED);
    }

    private static void bareComplaint(ProcessEngine bare, int i, Steps steps) {
        String reference = "BARE-" + UUID.randomUUID();
        Map<String, Object> variables = new HashMap<>();
        variables.put(ComplaintProcess.VAR_CUSTOMER_NAME, "Customer " + i);
        variables.put(ComplaintProcess.VAR_CUSTOMER_EMAIL, "c" + i + "@example.com");
        variables.put(ComplaintProcess.VAR_CHANNEL, "email");
        variables.put(ComplaintProcess.VAR_CATEGORY, "delivery");
        variables.put(ComplaintProcess.VAR_DESCRIPTION, "Benchmark complaint " + i);
        variables.put(ComplaintProcess.VAR_ABOUT_EMPLOYEE, null);
        variables.put(ComplaintProcess.VAR_GOODWILL_PROPOSED, false);
        variables.put(ComplaintProcess.VAR_RECOVERY_THRESHOLD, 2);
        variables.put(ComplaintProcess.VAR_REFERENCE, reference); // the survey gateway asks by reference
        String[] instance = new String[1];
        steps.step(0, () -> instance[0] = bare.getRuntimeService().startProcessInstanceByKey(ComplaintProcess.PROCESS_KEY, reference, variables).getId());
        // found the way the application's side finds it (by the reference it was given), so the harness's own
        // steps are the same on both sides
        Task[] task = new Task[1];
        steps.step(1, () -> task[0] = bare.getTaskService().createTaskQuery().processInstanceBusinessKey(reference).singleResult());
        steps.step(2, () -> bare.getTaskService().complete(task[0].getId(), Map.of(ComplaintProcess.VAR_RESOLUTION, "Resolved.")));
        ManagementService management = bare.getManagementService();
        String job = management.createJobQuery().processInstanceId(instance[0]).messages().singleResult().getId();
        steps.step(3, () -> management.executeJob(job));
        steps.step(4, () -> bare.getRuntimeService().createMessageCorrelation(ComplaintProcess.MESSAGE_SURVEY_ANSWERED)
                .processInstanceBusinessKey(reference).setVariable(ComplaintProcess.VAR_SURVEY_RATING, 5)
                .setVariable(ComplaintProcess.VAR_SURVEY_RESOLVED, true).correlate());
    }

    private ProcessEngine bareEngine() {
        JavaDelegate nothing = execution -> { };
        JavaDelegate survey = execution -> {
            execution.setVariable(ComplaintProcess.VAR_SURVEY_TIMEOUT, "P14D");
            execution.setVariable(ComplaintProcess.VAR_SURVEY_TOKEN_HASH, UUID.randomUUID().toString());
        };
        Map<Object, Object> beans = new HashMap<>();
        for (String name : List.of("registerComplaintDelegate", "recordResolutionDelegate", "recordGoodwillRequestDelegate",
                "flagForCorrectiveActionDelegate", "recordSurveyAnswerDelegate", "reopenForServiceRecoveryDelegate",
                "recordRecoveryOutcomeDelegate", "correlateMessageDelegate")) {
            beans.put(name, nothing);
        }
        beans.put("sendSurveyDelegate", survey);
        beans.put("complaintSla", new BareSla());
        beans.put("complaintContacts", new BareContacts());
        ProcessEngineConfigurationImpl app = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        StandaloneProcessEngineConfiguration configuration = (StandaloneProcessEngineConfiguration)
                ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("bare-benchmark");
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        configuration.setDatabaseType(app.getDatabaseType());
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setBeans(beans);
        // the models read a decision's result as decisionResult.singleResult.x, which the application's expression
        // manager resolves; the bare engine gets that one resolver in front of Camunda's own, nothing else
        configuration.setExpressionManager(new JuelExpressionManager(beans) {
            @Override
            protected ELResolver createElResolver() {
                CompositeELResolver resolver = new CompositeELResolver();
                resolver.add(new SandboxedExpressionManager.DecisionResults());
                resolver.add(super.createElResolver());
                return resolver;
            }
        });
        configuration.setMetricsEnabled(app.isMetricsEnabled());
        return configuration.buildProcessEngine();
    }

    /** Stand-in for the application's complaintSla bean (public: the expression language calls it by reflection). */
    public static class BareSla {
        public java.util.Date dueIn(String iso) {
            return new java.util.Date(System.currentTimeMillis() + java.time.Duration.parse(iso).toMillis());
        }

        public java.util.Date dueInCalendarTime(String iso) {
            return dueIn(iso);
        }
    }

    /** Stand-in for the application's complaintContacts bean: every benchmark customer has an e-mail address. */
    public static class BareContacts {
        public boolean customerHasEmail(String reference) {
            return true;
        }

        /** The benchmark's complaints are about nobody: no hand-over to corrective action. */
        public String aboutEmployee(String reference) {
            return null;
        }

        public String concern(String reference) {
            return null;
        }
    }

    private String database() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType();
    }

    /** Runs count units of work on a pool of threads; returns units per second. */
    private static double run(int count, int threads, IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    for (int i = offset; i < count; i += threads) {
                        work.accept(i);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return count / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
