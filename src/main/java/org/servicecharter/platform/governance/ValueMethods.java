package org.servicecharter.platform.governance;

import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The few methods a model may call on a value (not a bean): reading and comparing strings, collections, numbers
 * and dates, and the date arithmetic of the engine's {@code dateTime()} function — what Camunda's own examples
 * write ({@code ${dateTime().plusWeeks(1).toDate()}}, {@code ${tags.contains('vip')}}). Each returns a plain value;
 * none reaches a class, a class loader or a service. {@code getClass}, {@code wait}, {@code notify} and every other
 * method are refused.
 */
final class ValueMethods {

    private static final Set<String> STRING = Set.of("contains", "startsWith", "endsWith", "isEmpty", "isBlank", "length",
            "toLowerCase", "toUpperCase", "trim", "strip", "equals", "equalsIgnoreCase", "substring", "indexOf", "concat",
            "replace", "compareTo", "toString");
    private static final Set<String> COLLECTION = Set.of("contains", "containsAll", "isEmpty", "size", "get", "indexOf",
            "equals", "toString");
    private static final Set<String> MAP = Set.of("containsKey", "containsValue", "isEmpty", "size", "get", "equals", "toString");
    private static final Set<String> NUMBER = Set.of("intValue", "longValue", "doubleValue", "compareTo", "equals", "toString");
    private static final Set<String> DATE = Set.of("before", "after", "getTime", "compareTo", "equals", "toString");
    private static final Pattern JODA = Pattern.compile("(plus|minus)(Years|Months|Weeks|Days|Hours|Minutes|Seconds|Millis)"
            + "|withTimeAtStartOfDay|toDate|toString|isBefore|isAfter|isEqual|isBeforeNow|isAfterNow|getMillis"
            + "|get(Year|MonthOfYear|DayOfMonth|DayOfWeek|HourOfDay|MinuteOfHour)");

    private ValueMethods() {
    }

    static boolean mayCall(Object base, String method) {
        if (base instanceof String) {
            return STRING.contains(method);
        }
        if (base instanceof Collection<?>) {
            return COLLECTION.contains(method);
        }
        if (base instanceof Map<?, ?>) {
            return MAP.contains(method);
        }
        if (base instanceof Number || base instanceof Boolean) {
            return NUMBER.contains(method);
        }
        if (base instanceof Date) {
            return DATE.contains(method);
        }
        if (base instanceof org.joda.time.ReadableInstant || base instanceof org.joda.time.ReadablePartial) {
            return JODA.matcher(method).matches();
        }
        return false;
    }

    /** At deployment the value's type is not known yet: whether any value may offer this method. */
    static boolean anyValueMayOffer(String method) {
        return STRING.contains(method) || COLLECTION.contains(method) || MAP.contains(method) || NUMBER.contains(method)
                || DATE.contains(method) || JODA.matcher(method).matches();
    }
}
