package org.servicecharter.handbook;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.handbook.HandbookProcess.*;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicecharter.platform.Conflict;
import org.springframework.stereotype.Component;

/**
 * Validates the version — the one check for both doors: the API starts the model without checking the fields, and
 * the start form reaches the engine without the API — and records it, awaiting the head of service's approval. Older
 * versions stay in force until this one is approved ({@link RecordHandbookApprovalDelegate} supersedes them).
 */
@ModelCallable(processes = {HandbookProcess.PROCESS_KEY, HandbookProcess.EMPLOYEE_PROCESS_KEY})
@Component("publishHandbookVersionDelegate")
public class PublishHandbookVersionDelegate implements JavaDelegate {

    private final HandbookValidator validator;
    private final HandbookRegister register;

    public PublishHandbookVersionDelegate(HandbookValidator validator, HandbookRegister register) {
        this.validator = validator;
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        HandbookDraft submitted = new HandbookDraft(
                (String) execution.getVariable(VAR_VERSION),
                (String) execution.getVariable(VAR_TITLE),
                (String) execution.getVariable(VAR_DOCUMENT_URL),
                (String) execution.getVariable(VAR_DOCUMENT_SHA256),
                (String) execution.getVariable(VAR_RULES),
                (String) execution.getVariable(VAR_DEADLINE),
                Boolean.TRUE.equals(execution.getVariable(VAR_DOCUMENT_STORED)));
        HandbookValidator.Validated validated = validator.validate(submitted);
        HandbookDraft draft = validated.draft();
        String version = draft.version();

        String businessKey = execution.getProcessBusinessKey();
        if (businessKey == null || businessKey.isBlank()) {
            execution.setProcessBusinessKey(version);
        }
        if (validated.fetched() != null) {
            // the copy the server checked is what employees read and sign, whatever the link serves later
            register.storeDocument(new HandbookRegister.Document(draft.documentSha256(), fileName(draft.documentUrl()),
                    HandbookDocuments.PDF_CONTENT_TYPE, validated.fetched().content().length, validated.fetched().content()),
                    (String) execution.getVariable(VAR_PUBLISHED_BY));
            draft = new HandbookDraft(draft.version(), draft.title(), null, draft.documentSha256(), draft.rules(),
                    draft.deadline(), true);
        }
        String documentUrl = draft.documentStored() ? "/api/handbooks/" + version + "/document" : draft.documentUrl();
        boolean recorded = register.recordVersion(new HandbookRegister.Version(version, draft.title(), documentUrl,
                draft.documentSha256(), draft.documentStored(), draft.rules(), validated.deadline(),
                (String) execution.getVariable(VAR_PUBLISHED_BY), Instant.now(), execution.getProcessInstanceId()));
        if (!recorded) {
            // published by someone else at the same moment
            throw new Conflict("The handbook version " + version + " exists already; publish a new version label.");
        }

        execution.setVariable(VAR_VERSION, version);
        execution.setVariable(VAR_TITLE, draft.title());
        execution.setVariable(VAR_DOCUMENT_URL, documentUrl);
        execution.setVariable(VAR_DOCUMENT_SHA256, draft.documentSha256());
        execution.setVariable(VAR_DOCUMENT_STORED, draft.documentStored());
        execution.setVariable(VAR_RULES, draft.rules());
        execution.setVariable(VAR_DEADLINE, draft.deadline());
        execution.setVariable(VAR_DUE_DATE, Date.from(validated.deadline()));
        execution.setVariable(VAR_STATEMENT, statement(version));
    }

    /** The last part of the link's path, as the stored copy's file name ("handbook.pdf" when it has none). */
    static String fileName(String link) {
        String path = java.net.URI.create(link).getPath();
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() || last.length() > 200 ? "handbook.pdf" : last;
    }
}
