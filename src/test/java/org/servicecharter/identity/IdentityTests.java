package org.servicecharter.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;

@ServiceCharterTest
class IdentityTests {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    FilterService filterService;

    @Autowired
    ReportingLines reportingLines;

    @Autowired
    IdentityInitializer initializer;

    @Test
    void theDemoDepartmentExistsWithPasswordsEqualToIds() {
        assertThat(groupsOf("alice")).containsExactlyInAnyOrder("agents", "employees");
        assertThat(groupsOf("bob")).containsExactlyInAnyOrder("agents", "employees");
        assertThat(groupsOf("sam")).containsExactlyInAnyOrder("supervisors", "employees");
        assertThat(groupsOf("maria")).containsExactlyInAnyOrder("managers", "employees");
        assertThat(groupsOf("hana")).containsExactlyInAnyOrder("hr", "employees");
        assertThat(groupsOf("olga")).containsExactlyInAnyOrder("process-owners", "employees");
        assertThat(groupsOf("audrey")).containsExactlyInAnyOrder("auditors", "employees");
        assertThat(groupsOf("henry")).containsExactlyInAnyOrder("head-of-service", "employees");
        assertThat(groupsOf("demo")).containsExactly("camunda-admin");
        for (String user : List.of("alice", "bob", "sam", "maria", "henry", "hana", "olga", "audrey", "demo")) {
            assertThat(identityService.checkPassword(user, user)).as(user).isTrue();
        }
    }

    @Test
    void reportingLinesRunFromAgentsToSamToMaria() {
        assertThat(reportingLines.managerOf("alice")).isEqualTo("sam");
        assertThat(reportingLines.managerOf("bob")).isEqualTo("sam");
        assertThat(reportingLines.managerOf("sam")).isEqualTo("maria");
        assertThat(reportingLines.managerOf("maria")).isEqualTo("henry");
        assertThat(reportingLines.managerChain("alice")).containsExactly("sam", "maria", "henry");
        assertThat(reportingLines.managerOf("henry")).isNull();
    }

    @Test
    void aLeadsTeamIsEveryoneBelowThemDirectlyOrFurtherDown() {
        assertThat(reportingLines.teamOf("sam")).contains("alice", "bob").doesNotContain("sam", "maria", "hana");
        assertThat(reportingLines.teamOf("maria")).contains("sam", "alice", "bob", "hana", "olga").doesNotContain("maria", "henry");
        assertThat(reportingLines.teamOf("henry")).contains("maria", "sam", "alice", "hana").doesNotContain("henry", "audrey");
        assertThat(reportingLines.teamOf("alice")).isEmpty();
        assertThat(reportingLines.teamOf("audrey")).isEmpty();
    }

    @Test
    void tasklistFiltersExistAndEmployeesMayUseThem() {
        List<String> names = filterService.createFilterQuery().list().stream().map(Filter::getName).toList();
        assertThat(names).contains("My tasks", "My group's tasks", "Overdue", "Supervisors' queue", "Managers' queue", "HR queue");

        List<String> aliceSees = Http.as(port, "alice").get("/engine-rest/filter?maxResults=50").list().stream()
                .map(f -> (String) f.get("name")).toList();
        assertThat(aliceSees).contains("My tasks", "My group's tasks", "Overdue").doesNotContain("Supervisors' queue");
        List<String> samSees = Http.as(port, "sam").get("/engine-rest/filter?maxResults=50").list().stream()
                .map(f -> (String) f.get("name")).toList();
        assertThat(samSees).contains("My tasks", "Supervisors' queue").doesNotContain("HR queue");
        // a filter works for the user who runs it: alice's "My tasks" is hers
        String myTasks = filterService.createFilterQuery().filterName("My tasks").singleResult().getId();
        assertThat(Http.as(port, "alice").get("/engine-rest/filter/" + myTasks + "/list?maxResults=15").status()).isEqualTo(200);
    }

    @Test
    void startUpWorkIsIdempotent() throws Exception {
        long authorizations = authorizationService.createAuthorizationQuery().count();
        long filters = filterService.createFilterQuery().count();
        long users = identityService.createUserQuery().count();

        initializer.run(new DefaultApplicationArguments());

        assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
        assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
        assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    }

    @Test
    void tasklistAndCockpitAccessFollowTheRoles() {
        assertThat(Http.as(port, "alice").get("/engine-rest/authorization/check?permissionName=ACCESS&resourceName=application&resourceType=0&resourceId=tasklist")
                .json().get("authorized").asBoolean()).isTrue();
        assertThat(Http.as(port, "alice").get("/engine-rest/authorization/check?permissionName=ACCESS&resourceName=application&resourceType=0&resourceId=cockpit")
                .json().get("authorized").asBoolean()).isFalse();
        assertThat(Http.as(port, "audrey").get("/engine-rest/authorization/check?permissionName=ACCESS&resourceName=application&resourceType=0&resourceId=cockpit")
                .json().get("authorized").asBoolean()).isTrue();
    }

    private List<String> groupsOf(String user) {
        return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }
}
