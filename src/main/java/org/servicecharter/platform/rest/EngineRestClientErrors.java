package org.servicecharter.platform.rest;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.MetricsQueryImpl;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.servicecharter.platform.web.RequestSizeLimitFilter;

/**
 * Mistakes of the caller that the engine REST API answers with 500, or with a sentence that does not say what to
 * change: each becomes a 4xx whose message names the parameter, the limit or the file. Used first by the three
 * engine REST exception mappers, so the web apps' engine API answers the same.
 * <ul>
 * <li>a body larger than its limit ({@link RequestSizeLimitFilter}): 413;</li>
 * <li>a list query without {@code maxResults}, or with more than the engine's {@code queryMaxResultsLimit}, by a
 * user who is not an administrator ("An unbound number of results is forbidden!"): 400 naming {@code maxResults}
 * and the limit;</li>
 * <li>metrics intervals with {@code maxResults} above 200 (500 before): 400;</li>
 * <li>a user, group or tenant id that its pattern refuses (500 before): 400 naming the pattern;</li>
 * <li>a Camunda Form the engine cannot parse (ENGINE-09033, 500 before): 400 naming the file;</li>
 * <li>a query parameter that is not a number or date ("Cannot convert value x to java type ..."): 400 naming it.</li>
 * </ul>
 */
final class EngineRestClientErrors {

    private static final String UNBOUND = "An unbound number of results is forbidden!";
    private static final Pattern LIMIT_EXCEEDED = Pattern.compile("Max results limit of (\\d+) exceeded!");
    private static final String METRICS_ROW_LIMIT = "Metrics interval query row limit can't be set larger than";
    private static final Pattern INVALID_ID = Pattern.compile("(User|Group|Tenant) has an invalid id: '(.*)' is not a valid resource identifier\\.",
            Pattern.DOTALL);
    private static final Pattern FORM_UNPARSEABLE = Pattern.compile("ENGINE-09033 Could not parse Camunda Form resource (.+?)\\. Cause: (.*)",
            Pattern.DOTALL);
    private static final Pattern WHERE = Pattern.compile("line (\\d+) column (\\d+)");
    private static final Pattern NOT_CONVERTIBLE = Pattern.compile("Cannot convert value \"?(.*?)\"? to java type java\\.(?:lang|util)\\.(\\w+)");

    private EngineRestClientErrors() {
    }

    /** The answer to this error if it is one of the caller's mistakes listed above, else {@code null}. */
    static Response answer(Throwable error, UriInfo uriInfo) {
        RequestSizeLimitFilter.BodyTooLargeException tooLarge = RequestSizeLimitFilter.tooLarge(error);
        if (tooLarge != null) {
            return EngineRestExceptionMapper.answer(Response.Status.REQUEST_ENTITY_TOO_LARGE, "RequestTooLarge", tooLarge.getMessage());
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.equals(UNBOUND) || LIMIT_EXCEEDED.matcher(message).matches()) {
                return badRequest(cause, unbound(message));
            }
            if (message.startsWith(METRICS_ROW_LIMIT)) {
                return badRequest(cause, "Metrics intervals are listed at most " + MetricsQueryImpl.DEFAULT_LIMIT_SELECT_INTERVAL
                        + " per request: set maxResults to " + MetricsQueryImpl.DEFAULT_LIMIT_SELECT_INTERVAL
                        + " or less and page through the rest with firstResult.");
            }
            Matcher invalidId = INVALID_ID.matcher(message);
            if (invalidId.matches()) {
                return badRequest(cause, invalidId(invalidId.group(1), invalidId.group(2)));
            }
            Matcher form = FORM_UNPARSEABLE.matcher(message);
            if (form.matches()) {
                Matcher where = WHERE.matcher(form.group(2));
                return EngineRestExceptionMapper.answer(Response.Status.BAD_REQUEST, "ParseException", "The form " + form.group(1)
                        + " is not valid JSON" + (where.find() ? " (at line " + where.group(1) + ", column " + where.group(2) + ")" : "")
                        + ": open it in Camunda Modeler's form editor and save it again, or correct the JSON there. Nothing was deployed.");
            }
        }
        if (error instanceof RestException rest && rest.getStatus() == Response.Status.BAD_REQUEST && uriInfo != null) {
            Matcher value = NOT_CONVERTIBLE.matcher(String.valueOf(rest.getMessage()));
            String parameter = value.find() ? parameterWithValue(uriInfo.getQueryParameters(), value.group(1)) : null;
            if (parameter != null) {
                return badRequest(rest, "The query parameter '" + parameter + "' must be " + kind(value.group(2)) + ", not '"
                        + value.group(1) + "'.");
            }
        }
        return null;
    }

    /** "This list returns at most 2000 results per request: ..." with the engine's limit. */
    static String unbound(String message) {
        Matcher exceeded = LIMIT_EXCEEDED.matcher(message);
        int limit = exceeded.matches() ? Integer.parseInt(exceeded.group(1)) : configuration().getQueryMaxResultsLimit();
        return "This list returns at most " + limit + " results per request: add maxResults (at most " + limit
                + ") and page through the rest with firstResult.";
    }

    private static String invalidId(String resource, String id) {
        ProcessEngineConfiguration configuration = configuration();
        String pattern = switch (resource) {
            case "User" -> configuration.getUserResourceWhitelistPattern();
            case "Group" -> configuration.getGroupResourceWhitelistPattern();
            default -> configuration.getTenantResourceWhitelistPattern();
        };
        if (pattern == null || pattern.isBlank()) {
            pattern = configuration.getGeneralResourceWhitelistPattern();
        }
        String kind = resource.toLowerCase();
        return "The " + kind + " id '" + id + "' is not allowed: a " + kind + " id must match the pattern " + pattern
                + (pattern != null && pattern.startsWith("[a-zA-Z0-9]+") ? " (letters and digits only)" : "") + ". Choose another id.";
    }

    private static String kind(String javaType) {
        return switch (javaType) {
            case "Integer", "Long", "Short" -> "a whole number";
            case "Double", "Float" -> "a number";
            case "Date" -> "a date and time such as 2026-01-31T12:00:00.000+0000";
            case "Boolean" -> "true or false";
            default -> "a " + javaType;
        };
    }

    /** The one query parameter sent with this value, or {@code null} if none or several were. */
    private static String parameterWithValue(MultivaluedMap<String, String> parameters, String value) {
        List<String> names = parameters.entrySet().stream().filter(e -> e.getValue().contains(value)).map(Map.Entry::getKey).toList();
        return names.size() == 1 ? names.get(0) : null;
    }

    private static Response badRequest(Throwable cause, String message) {
        return EngineRestExceptionMapper.answer(Response.Status.BAD_REQUEST, cause.getClass().getSimpleName(), message);
    }

    private static ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) EngineUtil.lookupProcessEngine(null).getProcessEngineConfiguration();
    }
}
