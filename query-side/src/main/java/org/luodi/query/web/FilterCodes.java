package org.luodi.query.web;

import org.luodi.platform.problem.ForbiddenException;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.reference.ReferenceData;
import org.luodi.platform.security.LuodiUser;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * The township and industry-chain codes a query filters by. A blank filter is no filter; an unknown code is refused
 * (400), as the commands refuse one (SPEC §2): answered with an empty list, a typo such as {@code gaoxing} would read
 * as "no stalled projects in that township".
 */
@Component
public class FilterCodes {
    private final ReferenceData reference;

    public FilterCodes(ReferenceData reference) {
        this.reference = reference;
    }

    /** The township code, or null for none; refuses a code that names no township. */
    public String township(String text) {
        String code = blankToNull(text);
        if (code != null && !reference.isTownship(code)) {
            throw new InvalidInputException("township", "未知的乡镇代码");
        }
        return code;
    }

    /**
     * The townships {@code user} may ask about with the filter {@code text}: its own for a clerk (refusing another's,
     * with {@code otherTownship} as the words), the one asked for, or null for all.
     */
    public Set<String> visibleTownships(LuodiUser user, String text, String otherTownship) {
        String wanted = township(text);
        if (user.isClerk() && wanted != null && !wanted.equals(user.township())) {
            throw ForbiddenException.otherTownship(otherTownship);
        }
        return user.isClerk() ? Set.of(user.township()) : wanted == null ? null : Set.of(wanted);
    }

    /** The industry-chain code, or null for none; refuses a code that names no chain. */
    public String chain(String text) {
        String code = blankToNull(text);
        if (code != null && !reference.isIndustryChain(code)) {
            throw new InvalidInputException("chain", "未知的产业链代码");
        }
        return code;
    }

    /** The 包保 leader's code (reference/leaders-daye.csv), or null for none; refuses a code that names no leader. */
    public String leader(String text) {
        String code = blankToNull(text);
        if (code != null && !org.luodi.events.Leaders.isLeader(code)) {
            throw new InvalidInputException("leader", "未知的市领导代码");
        }
        return code;
    }

    /** A filter's text without surrounding blanks, or null when there is none: a blank filter is no filter. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
