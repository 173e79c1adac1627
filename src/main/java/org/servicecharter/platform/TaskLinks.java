package org.servicecharter.platform;

/**
 * Identity-link types of the application's own on engine tasks, shared by who writes them (task rights), the engine
 * patch that honours them (the task query) and who shows them (the audit trail).
 */
public final class TaskLinks {

    /**
     * Keeps a task out of one user's task lists although a group of theirs is offered it: the person the task's case is
     * about ({@code platform.taskrights.TaskRightsGuard} adds it when the task is created). One uncorrelated sub-query
     * per list, hashed ({@code platform.engine.TaskQueryAuthorization}); the engine's own check (revokes) does not know it.
     */
    public static final String EXCLUDED = "excluded";

    private TaskLinks() {
    }
}
