package org.servicecharter.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.servicecharter.platform.Conflict;
import org.servicecharter.platform.NotFound;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.SystemAccess;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * People who have left the department: dismissed by HR's decision (corrective action) or marked as left by an
 * administrator ({@code POST /api/employees/{userId}/left}). Camunda 7 has no "disabled user", so leaving is done with
 * public engine APIs and one table of the application's own ({@code leaver}):
 * <ul>
 * <li>the account no longer logs in: its password becomes a random one nobody knows (HTTP Basic on {@code /engine-rest}
 * and {@code /api} and the web apps' login are refused), its group memberships and its own authorizations go; the user
 * row stays, so names and history stay readable;</li>
 * <li>its open work goes back: a task it holds returns to the task's candidate groups (or the other people it was offered
 * to), or — offered to nobody else — to the leaver's manager; its candidate-user links are removed, and a task then
 * offered to nobody goes to the manager;</li>
 * <li>whoever reported to the leaver now reports to the leaver's manager ({@link ReportingLines});</li>
 * <li>later sign-offs, plan-review representatives and approval candidates leave them out: all of them are chosen from
 * groups;</li>
 * <li>a {@link Left} event says so, in the same transaction: the employee file records it (module {@code employeefile}).</li>
 * </ul>
 * Everything happens in one transaction: it all happens or nothing does.
 */
@Component("leavers")
public class Leavers {

    /** Someone left: who, why, who recorded it (null: the system) and when. */
    public record Left(String userId, String reason, String recordedBy, Instant leftAt) {
    }

    /** The longest reason the table keeps. */
    public static final int REASON_MAX = 3000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final IdentityService identityService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final ReportingLines reportingLines;
    private final ApplicationEventPublisher events;

    public Leavers(JdbcTemplate jdbc, IdentityService identityService, TaskService taskService,
            AuthorizationService authorizationService, ReportingLines reportingLines, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.reportingLines = reportingLines;
        this.events = events;
    }

    /** Whether the user has left. */
    public boolean isLeaver(String userId) {
        return find(userId).isPresent();
    }

    /** The user's leaving, if they left. */
    public Optional<Left> find(String userId) {
        return jdbc.query("SELECT user_id, reason, recorded_by, left_at FROM leaver WHERE user_id = ?",
                (rs, i) -> new Left(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()),
                userId).stream().findFirst();
    }

    /**
     * Marks the user as left, for the reason given, recorded by {@code by} (null: the system). Refuses an unknown user
     * (404), a user who has left already (409) and a missing or overlong reason (400).
     */
    @Transactional
    public Left markLeft(String userId, String reason, String by) {
        if (reason == null || reason.isBlank()) {
            throw new Rejected("reason", "Say why " + userId + " left: the reason goes into their employee file.");
        }
        if (reason.length() > REASON_MAX) {
            throw new Rejected("reason", "The reason is " + reason.length() + " characters long; at most " + REASON_MAX
                    + " are kept.");
        }
        return SystemAccess.call(identityService, () -> {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            if (user == null) {
                throw new NotFound("There is no user " + userId + ".");
            }
            Optional<Left> earlier = find(userId);
            if (earlier.isPresent()) {
                throw new Conflict(userId + " left already, on " + earlier.get().leftAt() + "; nothing was changed.");
            }
            Left left = new Left(userId, reason.strip(), by, Instant.now().truncatedTo(ChronoUnit.MICROS));
            jdbc.update("INSERT INTO leaver (user_id, left_at, reason, recorded_by) VALUES (?, ?, ?, ?)", userId,
                    Timestamp.from(left.leftAt()), left.reason(), by);
            disableLogin(user);
            String manager = reportingLines.managerOf(userId);
            returnOpenWork(userId, manager);
            for (String report : reportingLines.directReportsOf(userId)) {
                reportingLines.setManager(report, manager);
            }
            events.publishEvent(left);
            return left;
        });
    }

    /** No password anyone knows, no groups, no grants of their own: no door lets them in, no query offers them work. */
    private void disableLogin(User user) {
        String userId = user.getId();
        for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
            identityService.deleteMembership(userId, group.getId());
        }
        for (Authorization authorization : authorizationService.createAuthorizationQuery().userIdIn(userId).list()) {
            authorizationService.deleteAuthorization(authorization.getId());
        }
        byte[] secret = new byte[48];
        RANDOM.nextBytes(secret);
        // never told to anyone; the suffix only satisfies the password policy (upper, lower, digit, special)
        user.setPassword(Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "Aa1!");
        identityService.saveUser(user);
    }

    /** Held tasks back to their groups (or to the manager), offers to the leaver in person withdrawn. */
    private void returnOpenWork(String userId, String manager) {
        for (Task task : taskService.createTaskQuery().taskAssignee(userId).list()) {
            // back to whom it was offered: its groups, or other people it was offered to in person (an approval tier)
            boolean offeredToOthers = taskService.getIdentityLinksForTask(task.getId()).stream()
                    .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                            && (link.getGroupId() != null || (link.getUserId() != null && !userId.equals(link.getUserId()))));
            taskService.setAssignee(task.getId(), offeredToOthers ? null : manager);
        }
        Set<String> offered = new LinkedHashSet<>();
        for (Task task : taskService.createTaskQuery().taskCandidateUser(userId).includeAssignedTasks().list()) {
            offered.add(task.getId());
        }
        for (String taskId : offered) {
            List<IdentityLink> links = taskService.getIdentityLinksForTask(taskId);
            if (links.stream().anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && userId.equals(link.getUserId()))) {
                taskService.deleteCandidateUser(taskId, userId);
                // offered to nobody else (an approval whose tier had only them): the manager takes it
                boolean offeredToOthers = links.stream().anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                        && (link.getGroupId() != null || (link.getUserId() != null && !userId.equals(link.getUserId()))));
                Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
                if (!offeredToOthers && task.getAssignee() == null && manager != null) {
                    taskService.setAssignee(taskId, manager);
                }
            }
        }
    }
}
