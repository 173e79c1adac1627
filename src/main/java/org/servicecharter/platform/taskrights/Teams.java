package org.servicecharter.platform.taskrights;

import org.springframework.modulith.NamedInterface;

import java.util.Set;

/**
 * Who leads whom, as far as re-routing tasks goes: a manager re-routes the tasks of the people who report to them,
 * directly or further down ({@link TeamReroute}). Declared by whoever keeps the reporting lines (identity), so that
 * the platform reads no table of its own for it.
 */
@NamedInterface("taskrights")
public interface Teams {

    /** Everyone who reports to the lead, directly or further down, never the lead; empty for someone who leads nobody. */
    Set<String> teamOf(String lead);
}
