package org.servicecharter;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.test.TestHelper;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/**
 * The engine of the fast model tests ({@code *ModelTests}): built once per JVM from {@code fast-model-engine.cfg.xml}
 * and cached by Camunda's TestHelper, as camunda-bpm-junit5 does with {@code camunda.cfg.xml}. Not that name: Camunda's
 * {@code ProcessEngines.init()} builds every {@code camunda.cfg.xml} on the classpath when anything asks it for the
 * default engine, which the Spring-based tests in the same JVM would then do. And taken out of the
 * {@link ProcessEngines} registry once built, so that the application's REST API and web apps in those tests still see
 * one engine only.
 */
public final class ModelEngine {

    private static final String CONFIGURATION = "fast-model-engine.cfg.xml";

    private ModelEngine() {
    }

    /** {@code @RegisterExtension static final ProcessEngineExtension engine = ModelEngine.extension();} */
    public static ProcessEngineExtension extension() {
        return ProcessEngineExtension.builder().useProcessEngine(engine()).build();
    }

    private static synchronized ProcessEngine engine() {
        ProcessEngine engine = TestHelper.getProcessEngine(CONFIGURATION);
        ProcessEngines.unregister(engine);
        return engine;
    }
}
