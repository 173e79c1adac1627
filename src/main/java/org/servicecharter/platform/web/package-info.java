/**
 * The servlet filters in front of everything: API authentication (HTTP Basic or the web apps' session, and their CSRF
 * token for session calls; public endpoints as the features declare them, {@code platform.PublicEndpoints}), login
 * throttling per client ({@code LoginThrottleFilter}, {@code TrustedProxies}), request-size limits per kind,
 * {@code 503} until ready and while the database is away, security headers, actuator access, and their order
 * ({@code RestSecurityConfiguration}). Internal to the platform.
 */
package org.servicecharter.platform.web;
