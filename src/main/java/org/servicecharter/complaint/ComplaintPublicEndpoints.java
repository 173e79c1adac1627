package org.servicecharter.complaint;

import java.util.List;

import org.servicecharter.platform.PublicEndpoints;
import org.springframework.stereotype.Component;

/**
 * What complaint handling serves to anyone, without a login: a customer files a complaint ({@code ComplaintController})
 * and reads and answers the survey their link leads to ({@code SurveyController}; the link's token is the credential).
 */
@Component
public class ComplaintPublicEndpoints implements PublicEndpoints {

    @Override
    public List<Endpoint> publicEndpoints() {
        return List.of(
                new Endpoint("POST", "/api/complaints"),
                new Endpoint("GET", "/api/surveys/*"),
                new Endpoint("POST", "/api/surveys/*"));
    }
}
