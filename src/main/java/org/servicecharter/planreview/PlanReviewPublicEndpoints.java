package org.servicecharter.planreview;

import java.util.List;

import org.servicecharter.platform.PublicEndpoints;
import org.springframework.stereotype.Component;

/** What the plan review serves to anyone: the research survey a customer's link leads to (the token is the credential). */
@Component
public class PlanReviewPublicEndpoints implements PublicEndpoints {

    @Override
    public List<Endpoint> publicEndpoints() {
        return List.of(new Endpoint("GET", "/api/research-surveys/*"), new Endpoint("POST", "/api/research-surveys/*"));
    }
}
