package org.servicecharter.platform.rest;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API, plus clearer answers for engine errors that the stock API reports as 500 and for the caller's
 * mistakes (paging parameters, unconvertible query parameters) that it reports as 404 or 500.
 */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(EngineRestExceptionMapper.class);
        register(EngineRestCauseMapper.class);
        register(EngineRestUnavailableMapper.class);
        register(EngineRestParameterMapper.class);
        register(EngineRestPaging.class);
    }
}
