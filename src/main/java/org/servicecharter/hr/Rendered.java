package org.servicecharter.hr;

/** A page as the filter sends it. */
record Rendered(int status, String html) {
}
