package org.servicecharter.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;

/** The comments on the instance and its tasks: one {@code comment} each. */
final class CommentEntries {

    private CommentEntries() {
    }

    static void read(TaskService taskService, String processInstanceId, TaskEntries tasks, Timeline timeline) {
        for (Comment comment : taskService.getProcessInstanceComments(processInstanceId)) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("commentId", comment.getId());
            details.put("message", comment.getFullMessage());
            String taskName = tasks.name(comment.getTaskId());
            timeline.add(comment.getTime(), Timeline.RANK_COMMENT, "comment", null, null, null, comment.getTaskId(),
                    taskName, comment.getUserId(), (comment.getUserId() != null ? comment.getUserId() : "Someone")
                            + " commented" + (taskName != null ? " on \"" + taskName + "\"" : "") + ": "
                            + comment.getFullMessage(), details);
        }
    }
}
