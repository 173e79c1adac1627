package org.servicecharter.approval;

import static org.servicecharter.approval.ApprovalProcess.*;

import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.servicecharter.identity.Roles;
import org.servicecharter.platform.SystemAccess;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * The tiers of decision authority, lowest first, and who decides at each. The model calls it:
 * {@code ${approvalTiers.selfAuthorised(requiredTier, requester)}}, {@code ${approvalTiers.candidates(currentTier,
 * excludedApprovers)}} (the task's candidate users: the tier group's members minus the requester and everyone who
 * rejected the request — group candidates cannot exclude anyone), {@code ${approvalTiers.isTop(currentTier)}} and
 * {@code ${approvalTiers.dueIn(tierDeadline)}}. Which tier a request needs is the DMN's business, not this class's.
 *
 * <p>Memberships are read without the caller's authorizations: who may decide does not depend on who asks.
 */
@Component("approvalTiers")
public class ApprovalTiers {

    /** Tier → the group deciding at that tier, lowest first. */
    public static final Map<String, String> GROUPS = orderedGroups();
    public static final List<String> TIERS = List.copyOf(GROUPS.keySet());

    private final IdentityService identityService;

    public ApprovalTiers(ProcessEngine processEngine) {
        this.identityService = processEngine.getIdentityService();
    }

    private static Map<String, String> orderedGroups() {
        Map<String, String> groups = new java.util.LinkedHashMap<>();
        groups.put(TIER_AGENT, Roles.AGENTS);
        groups.put(TIER_SUPERVISOR, Roles.SUPERVISORS);
        groups.put(TIER_MANAGER, Roles.MANAGERS);
        groups.put(TIER_HEAD_OF_SERVICE, Roles.HEAD_OF_SERVICE);
        return java.util.Collections.unmodifiableMap(groups);
    }

    public static boolean isTier(String tier) {
        return tier != null && GROUPS.containsKey(tier);
    }

    public static String groupOf(String tier) {
        String group = GROUPS.get(tier);
        if (group == null) {
            // tiers come from the DMN table and the model, checked with isTier: a bug, not a request
            throw new IllegalStateException("Unknown approval tier '" + tier + "'; known: " + TIERS);
        }
        return group;
    }

    @ModelCallable
    public boolean isTop(String tier) {
        return TIERS.indexOf(tier) == TIERS.size() - 1;
    }

    /** The tier above; the top tier has none. */
    public static String next(String tier) {
        int index = TIERS.indexOf(tier);
        if (index < 0 || index == TIERS.size() - 1) {
            throw new IllegalStateException("There is no tier above '" + tier + "'.");
        }
        return TIERS.get(index + 1);
    }

    /**
     * Decided by the requester alone: the tier table says the agent's own authority suffices, and the requester has
     * that authority (an agent, or anyone of a higher tier). Anything above needs someone else.
     */
    @ModelCallable
    public boolean selfAuthorised(String requiredTier, String requester) {
        return TIER_AGENT.equals(requiredTier) && requester != null && hasAuthority(requester, TIER_AGENT);
    }

    /** Who is offered the request at the tier: the members of the tier's group, minus the excluded users. */
    @ModelCallable
    public List<String> candidates(String tier, String excludedApprovers) {
        Set<String> excluded = excluded(excludedApprovers);
        String group = groupOf(tier);
        return withoutAuthorization(() -> identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list())
                .stream().map(User::getId).filter(id -> !excluded.contains(id)).toList();
    }

    /** The user may decide at the tier: a member of its group or of a higher tier's group. */
    public boolean hasAuthority(String userId, String tier) {
        Set<String> groups = groupsOf(userId);
        int from = TIERS.indexOf(tier);
        return from >= 0 && TIERS.subList(from, TIERS.size()).stream().map(GROUPS::get).anyMatch(groups::contains);
    }

    /** The highest tier the user holds, or null when none. */
    public String ownTier(String userId) {
        Set<String> groups = groupsOf(userId);
        String own = null;
        for (String tier : TIERS) {
            if (groups.contains(GROUPS.get(tier))) {
                own = tier;
            }
        }
        return own;
    }

    public boolean isUser(String userId) {
        return userId != null && withoutAuthorization(() -> identityService.createUserQuery().userId(userId).count()) > 0;
    }

    /** Now (the engine's clock, so tests can move it) plus an ISO-8601 duration such as PT4H or P2D. */
    @ModelCallable
    public Date dueIn(String isoDuration) {
        return Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.parse(isoDuration)));
    }

    public static Set<String> excluded(Object excludedApprovers) {
        if (!(excludedApprovers instanceof String text) || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static String withExcluded(Object excludedApprovers, String userId) {
        Set<String> excluded = new LinkedHashSet<>(excluded(excludedApprovers));
        excluded.add(userId);
        return String.join(",", excluded);
    }

    private Set<String> groupsOf(String userId) {
        if (userId == null) {
            return Set.of();
        }
        return withoutAuthorization(() -> identityService.createGroupQuery().groupMember(userId).list())
                .stream().map(Group::getId).collect(Collectors.toSet());
    }

    private <T> T withoutAuthorization(java.util.function.Supplier<T> query) {
        return SystemAccess.call(identityService, query);
    }
}
