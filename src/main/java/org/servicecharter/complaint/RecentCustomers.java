package org.servicecharter.complaint;

import java.time.Instant;
import java.util.List;

/**
 * Complaint handling's published view of its recent customers, for the plan review's research round (which must not
 * read the complaints register): who can be asked for their views, and what they wrote in the complaint survey.
 */
public interface RecentCustomers {

    /** A customer who can be written to: the register's name and address. */
    record Customer(String name, String email) {
    }

    /**
     * The customers of complaints resolved in [from, to) who gave an e-mail address, one per address (case-insensitive;
     * the latest complaint's name), oldest address first.
     */
    List<Customer> resolvedBetween(Instant from, Instant to);

    /** The comments customers wrote in the complaint survey answered in [from, to), oldest first; blank ones left out. */
    List<String> surveyCommentsBetween(Instant from, Instant to);
}
