package org.luodi.command.store;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Aggregates kept in memory between commands (weakly: the garbage collector bounds the cache), so that a command
 * need not read and deserialise its project's whole stream, but never used stale. Several command-side instances
 * each have their own cache, and another instance may have appended to a cached project since: every hit is
 * checked against the store's last sequence number for the aggregate (one index-only query, far cheaper than the
 * stream) and dropped if it is behind, so that no command is decided, accepted or refused, on a past state.
 * <p>
 * Why this is safe: Axon's caching repository reads the cache holding the aggregate's lock and puts the aggregate
 * back when the unit of work commits; the lock is released after the transaction commits (the command's transaction
 * is Axon's own, see IdempotencyClaims), and a rollback removes the entry. An instance that appends between this
 * check and the append of the command makes that append fail on the {@code (aggregate, sequence)} unique key: the
 * transaction rolls back and CommandSender sends the command again.
 */
class CheckedAggregateCache implements Cache {
    private final Cache entries = new WeakReferenceCache();
    private final JdbcTemplate jdbc;

    CheckedAggregateCache(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public <K, V> V get(K key) {
        V value = entries.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && !current(key, entry)) {
            entries.remove(key);
            return null;
        }
        return value;
    }

    private boolean current(Object aggregateId, AggregateCacheEntry<?> entry) {
        // An entry kept in memory holds the live aggregate, which recreateAggregate hands back as it is (its
        // arguments only serve an entry deserialised from a distributed cache, which this one never is).
        EventSourcedAggregate<?> aggregate = entry.recreateAggregate(null, null, null, null);
        Long stored = jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", Long.class, aggregateId.toString());
        return stored != null && stored.equals(aggregate.version());
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return entries.computeIfAbsent(key, valueSupplier);
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key);
    }

    @Override
    public void removeAll() {
        entries.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, update);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return entries.registerCacheEntryListener(listener);
    }
}
