package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.WebappSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The caller's mistakes on the engine REST API, which the stock API answered with 500, a bare 404 or a sentence that
 * does not say what to change: each is a 4xx whose message names the parameter, the limit, the pattern or the file,
 * through {@code /engine-rest} and the web apps' engine API alike.
 */
@ServiceCharterTest
class ClientErrorsTests {

    @LocalServerPort int port;

    @Test
    void metricsAskedForMoreThan200IntervalsIs400NamingMaxResults() {
        Http.Response metrics = Http.as(port, "demo").get("/engine-rest/metrics?maxResults=201");

        assertThat(metrics.status()).as(metrics.body()).isEqualTo(400);
        assertThat(message(metrics)).contains("maxResults", "200");
        assertThat(Http.as(port, "demo").get("/engine-rest/metrics?maxResults=200").status()).isEqualTo(200);
    }

    @Test
    void aPagingParameterThatIsNotACountIs400NamingIt() {
        Http alice = Http.as(port, "alice");
        for (String query : List.of("/task?maxResults=x", "/process-instance?firstResult=x&maxResults=5", "/history/task?maxResults=1.5",
                "/task?maxResults=99999999999", "/task?maxResults=-5", "/deployment?firstResult=-1&maxResults=5", "/metrics?maxResults=x")) {
            Http.Response answer = alice.get("/engine-rest" + query);
            String parameter = query.contains("firstResult=") && !query.contains("firstResult=0") ? "firstResult" : "maxResults";
            assertThat(answer.status()).as("%s: %s", query, answer.body()).isEqualTo(400);
            assertThat(message(answer)).as(query).contains("'" + parameter + "'", "whole number");
        }
        Http.Response post = alice.post("/engine-rest/task?maxResults=x", Map.of());
        assertThat(post.status()).as(post.body()).isEqualTo(400);
        assertThat(message(post)).contains("'maxResults'", "'x'");

        Http.Response tasklist = WebappSession.login(port, "alice", "tasklist").get("/camunda/api/engine/engine/default/task?maxResults=x");
        assertThat(tasklist.status()).as(tasklist.body()).isEqualTo(400);
        assertThat(message(tasklist)).contains("'maxResults'");
    }

    @Test
    void anotherQueryParameterThatIsNotANumberIs400NamingIt() {
        Http.Response check = Http.as(port, "alice").get("/engine-rest/authorization/check?permissionName=READ&resourceName=Task&resourceType=x");
        assertThat(check.status()).as(check.body()).isEqualTo(400);
        assertThat(message(check)).contains("'resourceType'", "'x'");

        Http.Response interval = Http.as(port, "demo").get("/engine-rest/metrics?interval=x");
        assertThat(interval.status()).as(interval.body()).isEqualTo(400);
        assertThat(message(interval)).contains("'interval'", "'x'", "whole number");
    }

    @Test
    void anIdThatItsPatternRefusesIs400NamingThePattern() {
        Http demo = Http.as(port, "demo");
        Http.Response user = demo.post("/engine-rest/user/create", Map.of(
                "profile", Map.of("id", "ann-marie", "firstName", "Ann", "lastName", "Marie", "email", "ann@example.com"),
                "credentials", Map.of("password", "Correct-Horse-Battery-9!")));
        assertThat(user.status()).as(user.body()).isEqualTo(400);
        assertThat(message(user)).contains("'ann-marie'", "[a-zA-Z0-9]+", "letters and digits");

        Http.Response group = demo.post("/engine-rest/group/create", Map.of("id", "night shift", "name", "Night shift", "type", "WORKFLOW"));
        assertThat(group.status()).as(group.body()).isEqualTo(400);
        assertThat(message(group)).contains("'night shift'", "[a-zA-Z0-9-]+|camunda-admin");
    }

    @Test
    void aFormTheEngineCannotParseIs400NamingTheFile() {
        Http.Response deployment = Http.as(port, "olga").multipart("/engine-rest/deployment/create", Map.of("deployment-name", "trailing"),
                Map.of("trailing.form", "{\"id\": \"trailing\", \"type\": \"default\", \"components\": []} and more"));

        assertThat(deployment.status()).as(deployment.body()).isEqualTo(400);
        assertThat(message(deployment)).contains("trailing.form", "JSON");
    }

    /** Every list of the engine REST API, asked for without maxResults by a user who is not an administrator. */
    @Test
    void anUnpagedListSaysToAddMaxResultsAndTheLimitOnEveryListEndpoint() {
        Http alice = Http.as(port, "alice");
        List<String> refused = new ArrayList<>();
        for (String endpoint : listEndpoints()) {
            String path = "/engine-rest" + endpoint.substring(endpoint.indexOf(' ') + 1);
            Http.Response answer = endpoint.startsWith("GET ") ? alice.get(path) : alice.post(path, Map.of());
            assertThat(answer.status()).as("%s: %s", endpoint, answer.body()).isLessThan(500);
            assertThat(answer.body()).as(endpoint).doesNotContain("An unbound number of results is forbidden!");
            if (answer.status() == 400) {
                assertThat(message(answer)).as(endpoint).contains("maxResults", "at most 2000");
                refused.add(endpoint);
            }
        }
        assertThat(refused).as("list endpoints that refused an unpaged query").hasSizeGreaterThan(40);

        Http.Response tooMany = alice.get("/engine-rest/task?maxResults=2001");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(message(tooMany)).contains("maxResults", "at most 2000");
        Http.Response cockpit = WebappSession.login(port, "alice", "tasklist").get("/camunda/api/engine/engine/default/deployment");
        assertThat(cockpit.status()).isEqualTo(400);
        assertThat(message(cockpit)).contains("maxResults", "at most 2000");
    }

    private static String message(Http.Response answer) {
        return answer.json().get("message").asText();
    }

    /** "GET /task", "POST /history/process-instance", ...: the resource methods that take maxResults, without path ids. */
    static Set<String> listEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (Class<?> resource : CamundaRestResources.getResourceClasses()) {
            collect(resource, rootPath(resource), endpoints, 0);
        }
        endpoints.removeIf(endpoint -> endpoint.contains("{"));
        return endpoints;
    }

    private static void collect(Class<?> resource, String path, Set<String> endpoints, int depth) {
        for (Method method : resource.getMethods()) {
            Method annotated = annotated(method, resource);
            Path sub = annotated.getAnnotation(Path.class);
            String full = path + (sub == null ? "" : (sub.value().startsWith("/") ? "" : "/") + sub.value());
            boolean get = annotated.getAnnotation(GET.class) != null;
            if (get || annotated.getAnnotation(POST.class) != null) {
                for (Parameter parameter : annotated.getParameters()) {
                    QueryParam query = parameter.getAnnotation(QueryParam.class);
                    if (query != null && query.value().equals("maxResults")) {
                        endpoints.add((get ? "GET " : "POST ") + full);
                    }
                }
            } else if (sub != null && depth < 3 && !method.getReturnType().isPrimitive() && method.getReturnType() != Object.class) {
                collect(method.getReturnType(), full, endpoints, depth + 1); // a sub-resource locator
            }
        }
    }

    private static String rootPath(Class<?> resource) {
        for (Class<?> type = resource; type != null; type = type.getSuperclass()) {
            if (type.getAnnotation(Path.class) != null) {
                return type.getAnnotation(Path.class).value();
            }
            for (Class<?> contract : type.getInterfaces()) {
                if (contract.getAnnotation(Path.class) != null) {
                    return contract.getAnnotation(Path.class).value();
                }
            }
        }
        return "";
    }

    /** JAX-RS annotations sit on the resource interfaces, not on Camunda's implementations. */
    private static Method annotated(Method method, Class<?> resource) {
        if (method.getAnnotations().length > 0) {
            return method;
        }
        for (Class<?> type = resource; type != null; type = type.getSuperclass()) {
            for (Class<?> contract : type.getInterfaces()) {
                try {
                    Method declared = contract.getMethod(method.getName(), method.getParameterTypes());
                    if (declared.getAnnotations().length > 0) {
                        return declared;
                    }
                } catch (NoSuchMethodException notThere) {
                    // not this interface's
                }
            }
        }
        return method;
    }
}
