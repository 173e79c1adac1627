/**
 * The error model of the application's API and of the engine REST APIs (the public one and the web apps'): RFC 7807
 * problems for {@code /api} ({@code ApiProblemHandler}), the engine REST exception mappers that unwrap the refusal
 * vocabulary ({@code platform.Refusals}) and word client errors ({@code EngineRestClientErrors}), paging and parameter
 * limits, a lost completion race answered 409 ({@code TaskCompletionRace}), the database's absence answered 503
 * ({@code DatabaseUnavailable}). Internal to the platform; engine internals it touches are listed in
 * {@code platform.engine}'s package-info.
 */
package org.servicecharter.platform.rest;
