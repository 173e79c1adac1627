/**
 * Engine plugins and patches: what the application changes inside the Camunda engine. Internal to the platform.
 *
 * <h2>Engine internals the code touches — read before upgrading the engine</h2>
 *
 * Every use of a non-public engine type ({@code org.camunda.bpm.engine.impl..}, the web apps' and Spin's {@code impl}
 * packages), with why, its switch (a property that turns it off, or "none": the application does not run without it)
 * and the test that fails when an upgrade breaks it. A field or method the code reads reflectively is checked again
 * at start-up where noted ("start fails"): the engine then refuses to start with a sentence naming the class to revisit.
 *
 * <p><b>Plugins and patches (this package)</b>
 * <ul>
 * <li>{@code NoScriptsPlugin}: a BPMN parse listener ({@code AbstractBpmnParseListener}, the parser's {@code Element})
 * refuses script tasks, script listeners and script conditions at deployment. Why: models are data, not code.
 * Switch: none. Test: {@code HardeningTests}, {@code ModelsAreDataTests}.</li>
 * <li>{@code JsonVariablesPlugin}: the variable serializers are replaced ({@code VariableSerializerFactory},
 * {@code TypedValueSerializer}, {@code ValueFields}; Spin's {@code SpinObjectValueSerializer},
 * {@code SpinFallbackSerializerFactory}, {@code SpinVariableSerializers}) so that an object variable is JSON only and
 * deserializes only allowed types. Switch: none. Test: {@code JsonVariablesTests}, {@code HardeningTests}.</li>
 * <li>{@code ServiceHoursPlugin}, {@code ServiceHoursCalendar}, {@code platform.ServiceHours}: the department's service
 * hours are a {@code BusinessCalendar} added to the engine's {@code MapBusinessCalendarManager} (read from
 * {@code ProcessEngineConfigurationImpl}) as "serviceHours". Why: SLA due dates count service hours through the
 * engine's calendar mechanism. Switch: none (00:00-24:00 every day is calendar time). Test:
 * {@code ServiceHoursCalendarTests}, {@code ServiceHoursProcessTests} (start fails when the manager is another
 * class).</li>
 * <li>{@code PasswordPolicyPlugin}: a command interceptor recognises the engine's refusal of a weak password by its
 * command ({@code SaveUserCmd}) and its exact message ({@code SaveUserCmd.validateUserEntity}) and answers with the
 * policy's sentence (Rejected). Switch: none. Test: {@code PasswordPolicyTests} (fails if either changes).</li>
 * <li>{@code AuthorizedGroupsPlugin}: the {@code AuthorizationManager} session factory is replaced so that the user's
 * groups reach the authorization checks as given (no extra group query per check). Switch:
 * {@code servicecharter.authorization.groups-as-given=false}. Test: {@code AuthorizedGroupsTests}.</li>
 * <li>{@code TaskQueryAuthorization}: the task query's MyBatis mapping ({@code org/camunda/bpm/engine/impl/mapping/entity/Task.xml})
 * is patched — the authorization join becomes sub-queries, and the {@code excluded} identity links
 * ({@code platform.TaskLinks}) are honoured; installed through {@code CompositeProcessEnginePlugin} and
 * {@code ReflectUtil}. The patch fails loudly when the mapping's text changed (start fails). Switch:
 * {@code servicecharter.task-query.sub-query-authorization=false} (then a case subject may see their own case's
 * task in a group list). Test: {@code TaskQueryAuthorizationTests}, {@code TaskRightsAttackTests}.</li>
 * <li>{@code ForwardingAuthorizationProvider}: the base of the decorators of the engine's
 * {@code ResourceAuthorizationProvider} ({@code AuthorizationEntity}), used by {@code governance.TrailProtectionPlugin}
 * and {@code taskrights.DefinitionTaskGrants}. Switch: none. Test: {@code TrailProtectionTests},
 * {@code DefinitionTaskGrantsTests}.</li>
 * <li>{@code EngineIndexesPlugin}: reads the data source, table prefix and database type from
 * {@code ProcessEngineConfigurationImpl} to add the {@code SC_IDX_*} indexes after the engine's schema exists.
 * Switch: {@code servicecharter.engine-indexes.create=false}. Test: {@code EngineIndexesTests}, {@code PostgresIT}.</li>
 * </ul>
 *
 * <p><b>Governance ({@code platform.governance})</b>
 * <ul>
 * <li>{@code ModelSandboxPlugin}, {@code SandboxedExpressionManager}: the expression manager ({@code ExpressionManager},
 * {@code VariableScopeElResolver}, {@code VariableContextElResolver}) and the artifact factory are replaced, form
 * validators ({@code FormValidators}, {@code FormFieldValidator}) restricted; the BPMN parse ({@code BpmnParse},
 * {@code BpmnParser}, {@code ActivityImpl}, {@code TaskDefinition}) is read to check every expression. Why: models
 * call only published beans. Switch: none. Test: {@code ModelsAreDataTests}, {@code PublishedForModelsTests},
 * {@code AttackReviewTests}.</li>
 * <li>{@code ModelGatePlugin}, {@code CandidateStarterGrants}, {@code TaskPeopleExistPlugin},
 * {@code HistoryTimeToLiveCheck}: custom pre- and post-deployers and parse listeners ({@code DeploymentEntity},
 * {@code ResourceEntity}, {@code ProcessDefinitionEntity}, {@code IdentityLinkEntity}, {@code SaveAuthorizationCmd},
 * {@code UserTaskActivityBehavior}, {@code ParseUtil}). Switch: none. Test: {@code ModelsAreDataTests},
 * {@code CandidateStarterGrantsTests}, {@code DeploymentCompletenessTests}.</li>
 * <li>{@code TrailGuard} with {@code EngineInternals}: a command interceptor recognises the engine's delete and
 * history-changing commands ({@code Delete*Cmd}, {@code SetRemovalTimeTo*Cmd}, {@code Update*HistoryTimeToLiveCmd},
 * {@code UpdateCommentCmd}…) and reads three non-public fields ({@code DeleteDeploymentCmd.deploymentId},
 * {@code DeleteProcessDefinitionsByIdsCmd.processDefinitionIds}, {@code DeleteProcessDefinitionsByKeyCmd.processDefinitionKey};
 * start fails). Switch: none. Test: {@code EngineInternalsTests}, {@code TrailProtectionTests}.</li>
 * <li>{@code TrailProtectionPlugin}, {@code CreatorReadsDeployment}: the resource authorization provider is
 * decorated. Switch: none. Test: {@code TrailProtectionTests}.</li>
 * <li>{@code ModelFailure}: recognises {@code JuelExpression} failures to name the model element. Switch: none.
 * Test: {@code ModelsAreDataTests}.</li>
 * </ul>
 *
 * <p><b>Task rights ({@code platform.taskrights})</b>
 * <ul>
 * <li>{@code TaskRightsPlugin}: a parse listener adds the built-in task listeners to every user task
 * ({@code UserTaskActivityBehavior}, {@code BpmnParseUtil}). Switch: none. Test: {@code TaskRightsPluginTests},
 * {@code TaskRightsAttackTests}.</li>
 * <li>{@code TaskRightsGuard}, {@code TaskNotesGuard}: authorization checks built with {@code PermissionCheckBuilder} /
 * {@code CompositePermissionCheck}, task {@code PropertyChange}s; {@code TaskNotesGuard} intercepts
 * {@code AddCommentCmd}, {@code CreateAttachmentCmd}, {@code SaveAttachmentCmd} and reads their fields (start fails).
 * Switch: none. Test: {@code TaskRightsAttackTests}, {@code RightsTableTests}.</li>
 * <li>{@code TaskWorkGuard}: a command interceptor and {@code CommandChecker} over the task commands
 * ({@code ClaimTaskCmd}, {@code AssignTaskCmd}, {@code AbstractSetTaskPropertyCmd}, {@code AbstractAddIdentityLinkCmd},
 * {@code CompleteTaskCmd}, {@code SubmitTaskFormCmd}, {@code HandleTaskBpmnErrorCmd}, {@code HandleTaskEscalationCmd});
 * reads {@code ClaimTaskCmd.taskId/userId} (start fails); before refusing, reads {@code ACT_RU_TASK} by id on the
 * command's own connection (a task completed by someone else at the same moment is a lost race, 409). Switch: none.
 * Test: {@code TaskRightsAttackTests}, {@code TeamRerouteAttackTests}, {@code LostCompletionRaceTests}.</li>
 * <li>{@code TaskFormFieldsGuard}, {@code TaskFormFields}: intercepts the completing commands and reads their
 * variables (start fails); reads the task's form through {@code GetCamundaFormDefinitionCmd}. Switch: none. Test:
 * {@code TaskRightsAttackTests}, {@code FactCorrectionAttackTests}.</li>
 * <li>{@code DefinitionTaskGrants}: decorates the resource authorization provider, reads {@code TaskEntity.getTaskState()}
 * ({@code Init} while the engine creates a task) and the {@code AuthorizationManager}, grants after commit
 * ({@code TransactionState}). Switch: a procedure marked confidential ({@code ConfidentialProcedure}) keeps per-task
 * grants. Test: {@code DefinitionTaskGrantsTests}.</li>
 * <li>{@code TeamReroute}, {@code TeamReroutePlugin}: the engine's {@code AuthorizationCommandChecker} is replaced
 * (start fails if it is missing). Switch: none. Test: {@code TaskRightsPluginTests}, {@code TeamRerouteAttackTests}.</li>
 * <li>{@code CaseSubjectsResync}: re-offers a case's open tasks ({@code TaskEntity}, {@code IdentityLinkEntity}) in a
 * command. Switch: none. Test: {@code FactCorrectionAttackTests}.</li>
 * </ul>
 *
 * <p><b>REST and web ({@code platform.rest}, {@code platform.web})</b>
 * <ul>
 * <li>{@code rest.WebappEngineApiConfiguration}: registers the web apps' engine API servlet
 * ({@code org.camunda.bpm.webapp.impl.engine.EngineRestApplication}) again with the application's exception mappers.
 * Switch: {@code camunda.bpm.webapp.enabled=false} (no web apps). Test: {@code TrailProtectionTests},
 * {@code OneWayToRefuseTests}.</li>
 * <li>{@code rest.TaskCompletionRace}, {@code rest.EngineRestClientErrors}: the engine REST API's {@code EngineUtil},
 * a command run with {@code disableAuthorizationCheck} to tell a lost completion race (409) from a missing task (404),
 * {@code MetricsQueryImpl.DEFAULT_LIMIT_SELECT_INTERVAL} for the metrics wording. Switch: none. Test:
 * {@code ClientErrorsTests}, {@code EngineRestClientErrorsTests}, {@code ClusterIT}.</li>
 * <li>{@code web.ApiAuthenticationFilter}, {@code audit.AuditPages}, {@code messaging.MailAdmin}: the web apps'
 * session login ({@code AuthenticationUtil}, {@code Authentications}, {@code UserAuthentication}) — one login for pages
 * and API. Switch: none. Test: {@code CsrfAttackTests}, {@code AuditApiTests}.</li>
 * <li>{@code web.WebappCsrfToken}: the web apps' CSRF token ({@code CsrfConstants}). Switch: none. Test:
 * {@code CsrfAttackTests}.</li>
 * <li>{@code web.RestSecurityConfiguration}: the engine REST API's {@code ProcessEngineAuthenticationFilter} with
 * {@code HttpBasicAuthenticationProvider}. Switch: none. Test: {@code EngineRestSecurityTests}.</li>
 * </ul>
 *
 * <p><b>Elsewhere</b>
 * <ul>
 * <li>{@code org.camunda.bpm.engine.impl.identity.Authentication}: the current user as the engine returns it, read
 * only by {@code platform.CurrentUser} and {@code platform.SystemAccess} (and the task-rights guards, inside engine
 * commands). Switch: none. Test: every API test.</li>
 * <li>{@code platform.Refusals}: recognises the engine's {@code FormFieldValidationException}. Switch: none. Test:
 * {@code OneWayToRefuseTests}.</li>
 * <li>{@code ClockUtil} (approval, complaint, handbook: due dates and deadlines): the engine's clock, so that tests move
 * time for the engine and the application alike. Switch: none. Test: the features' model tests.</li>
 * <li>{@code identity.DemoUsers}: {@code IdentityServiceImpl.saveUser(user, true)} to create the quick start's users
 * without the password policy. Switch: {@code servicecharter.demo.enabled=false} (no demo users). Test: {@code IdentityTests}.</li>
 * <li>{@code identity.TeamFilters}: reads a filter's saved {@code TaskQueryImpl} (its assignees) to keep team filters
 * in step. Switch: none. Test: {@code TeamQueueTests}.</li>
 * <li>{@code audit.AuditSearchService}: the table prefix and database type from {@code ProcessEngineConfigurationImpl}
 * for its SQL. Switch: none. Test: {@code AuditApiTests}.</li>
 * </ul>
 */
package org.servicecharter.platform.engine;
