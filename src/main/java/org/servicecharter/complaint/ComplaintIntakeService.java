package org.servicecharter.complaint;

import static org.servicecharter.complaint.ComplaintProcess.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.servicecharter.platform.ApiProblemHandler.FieldError;
import org.servicecharter.platform.InvalidRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Files a complaint: validates it, gives it its reference and starts complaint handling with it. */
@Service
public class ComplaintIntakeService {

    private final RuntimeService runtimeService;
    private final ComplaintValidator validator;
    private final ComplaintReferences references;

    public ComplaintIntakeService(RuntimeService runtimeService, ComplaintValidator validator, ComplaintReferences references) {
        this.runtimeService = runtimeService;
        this.validator = validator;
        this.references = references;
    }

    /** Returns the new complaint's reference (also the process instance's business key). */
    @Transactional
    public String file(ComplaintIntake raw) {
        ComplaintIntake intake = raw.normalized();
        List<FieldError> errors = validator.validate(intake);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        String reference = references.next();
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, reference, variables(intake, reference));
        return reference;
    }

    static Map<String, Object> variables(ComplaintIntake intake, String reference) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_REFERENCE, reference);
        variables.put(VAR_CUSTOMER_NAME, intake.customerName());
        variables.put(VAR_CUSTOMER_EMAIL, intake.customerEmail());
        variables.put(VAR_CHANNEL, intake.channel());
        variables.put(VAR_CATEGORY, intake.category());
        variables.put(VAR_DESCRIPTION, intake.description());
        variables.put(VAR_ABOUT_EMPLOYEE, intake.aboutEmployee());
        variables.put(VAR_ORDER_REFERENCE, intake.orderReference());
        return variables;
    }
}
