package org.luodi.events;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A set of enum flags as events and states hold it: never null, unmodifiable, in declaration order, so that the
 * same flags always serialize, compare and show the same way.
 */
public final class Flags {
    private Flags() {
    }

    /** {@code flags} as such a set; null is the empty set. Null elements are refused (a command checks first). */
    public static <E extends Enum<E>> Set<E> of(Class<E> type, Collection<E> flags) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (flags != null) {
            set.addAll(flags);
        }
        return Collections.unmodifiableSet(set);
    }
}
