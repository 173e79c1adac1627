package org.servicecharter.handbook;

import static org.servicecharter.handbook.HandbookProcess.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.servicecharter.platform.CurrentUser;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.Rejected.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes a handbook version through the API: checks the upload (what only this door takes), stores an uploaded
 * document under its SHA-256, and starts the version's process. The version's fields are checked once, by the model's
 * first step ({@link PublishHandbookVersionDelegate}, every bad field named at once, the document included), which
 * Tasklist's start form goes through too. All in one transaction: a refusal leaves nothing behind, not even the
 * stored document.
 */
@Service
public class HandbookPublishing {

    /** An uploaded handbook document; the client's content type is not trusted (the content must be a PDF). */
    public record Upload(String fileName, String contentType, byte[] content) {
    }

    private final HandbookRegister register;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final HandbookProperties properties;

    public HandbookPublishing(HandbookRegister register, RuntimeService runtimeService,
            IdentityService identityService, HandbookProperties properties) {
        this.register = register;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.properties = properties;
    }

    @Transactional
    public String publish(HandbookDraft submitted, Upload upload) {
        HandbookDraft draft = submitted.normalized();
        if (upload != null) {
            if (upload.content().length == 0) {
                throw Rejected.fields(List.of(new FieldError("document", "is empty")));
            }
            if (upload.content().length > properties.maxDocumentSize().toBytes()) {
                throw Rejected.fields(List.of(new FieldError("document", "is larger than " + HandbookDocuments.inWords(properties.maxDocumentSize()))));
            }
            // judged by its content, not by the name or type the client gave it: anything else could be a web page
            // that runs in the application's origin when an employee opens it
            if (!HandbookDocuments.isPdf(upload.content())) {
                throw Rejected.fields(List.of(new FieldError("document",
                        "must be a PDF file (its content does not start with %PDF-); save the handbook as PDF and upload that")));
            }
            String actual = HandbookDocuments.sha256(upload.content());
            if (draft.documentSha256() != null && !draft.documentSha256().equals(actual)) {
                throw Rejected.fields(List.of(new FieldError("documentSha256",
                        "does not match the uploaded document (its SHA-256 is " + actual + ")")));
            }
            draft = new HandbookDraft(draft.version(), draft.title(), draft.documentUrl(), actual, draft.rules(),
                    draft.deadline(), true);
        }
        if (upload != null) {
            register.storeDocument(new HandbookRegister.Document(draft.documentSha256(),
                    upload.fileName() == null ? "handbook.pdf" : upload.fileName(), HandbookDocuments.PDF_CONTENT_TYPE,
                    upload.content().length, upload.content()), CurrentUser.of(identityService));
        }
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, draft.version(), variables(draft));
        return draft.version();
    }

    static Map<String, Object> variables(HandbookDraft draft) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_VERSION, draft.version());
        variables.put(VAR_TITLE, draft.title());
        variables.put(VAR_DOCUMENT_URL, draft.documentUrl());
        variables.put(VAR_DOCUMENT_SHA256, draft.documentSha256());
        variables.put(VAR_DOCUMENT_STORED, draft.documentStored());
        variables.put(VAR_RULES, draft.rules());
        variables.put(VAR_DEADLINE, draft.deadline());
        return variables;
    }
}
