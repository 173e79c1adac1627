package org.servicecharter.complaint;

import java.util.List;

import org.servicecharter.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Complaint handling's variables the platform indexes: the employee a complaint is about (also a fact correction's),
 * and the hash of the survey link's token, by which the public survey page finds its complaint.
 */
@Component
public class ComplaintVariables implements ProcessVariables {

    @Override
    public List<String> employees() {
        return List.of(ComplaintProcess.VAR_ABOUT_EMPLOYEE, ComplaintCorrectionProcess.VAR_ABOUT_EMPLOYEE);
    }

    /** The category as the intake form words it ("Delivery (late, missing, damaged)"), on cards and forms. */
    @Override
    public List<String> labelled() {
        return List.of(ComplaintProcess.VAR_CATEGORY);
    }

    @Override
    public List<LookedUp> lookedUpByValue() {
        return List.of(new LookedUp(ComplaintProcess.VAR_SURVEY_TOKEN_HASH, "SURVEY_TOKEN"));
    }
}
