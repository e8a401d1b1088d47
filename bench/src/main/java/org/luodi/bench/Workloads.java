package org.luodi.bench;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Where the commands of a load phase come from. A command is never sent while one for the same project is out. */
final class Workloads {
    private Workloads() {
    }

    interface Workload {
        /** The next command to send, for a project with nothing in flight. */
        Commands.Command next();

        /** The answer to {@code command} arrived; {@code accepted} when 2xx. */
        void done(Commands.Command command, boolean accepted);
    }

    /**
     * Realistic lifecycles of new projects, many at once (each advancing by one command after its previous one was
     * answered), so that signings, milestones and fund arrivals interleave as in a county's working day.
     */
    static final class Lifecycles implements Workload {
        private final Plans plans;
        private final String keyPrefix;
        private final LocalDate signedFrom;
        private final LocalDate signedTo;
        private final int concurrentProjects;
        private final AtomicLong projectNo;
        private final Deque<Deque<Commands.Command>> ready = new ArrayDeque<>();
        private final Map<String, Deque<Commands.Command>> inFlight = new ConcurrentHashMap<>();
        private int active;

        Lifecycles(Plans plans, String keyPrefix, long firstProjectNo, LocalDate today, int concurrentProjects) {
            this.plans = plans;
            this.keyPrefix = keyPrefix;
            this.projectNo = new AtomicLong(firstProjectNo);
            // recent contracts, so that projects whose lives the load phases cut short do not show up as
            // stalled-contract alerts in the national data set's queries
            this.signedFrom = today.minusDays(140);
            this.signedTo = today.minusDays(1);
            this.concurrentProjects = concurrentProjects;
        }

        @Override
        public synchronized Commands.Command next() {
            Deque<Commands.Command> project = active < concurrentProjects || ready.isEmpty() ? newProject()
                    : ready.pollFirst();
            Commands.Command command = project.pollFirst();
            inFlight.put(command.projectId() + "#" + command.sequence(), project);
            return command;
        }

        private Deque<Commands.Command> newProject() {
            long no = projectNo.getAndIncrement();
            List<Plans.Planned> plan = plans.plan(Plans.projectId(keyPrefix, no), no, signedFrom, signedTo);
            active++;
            return new ArrayDeque<>(Commands.lifecycle(plan, keyPrefix));
        }

        @Override
        public synchronized void done(Commands.Command command, boolean accepted) {
            Deque<Commands.Command> project = inFlight.remove(command.projectId() + "#" + command.sequence());
            if (accepted && project != null && !project.isEmpty()) {
                ready.addLast(project);
            } else {
                active--;
            }
        }
    }

    /** New fund arrivals (到位资金) today on random open projects of the national data set. */
    static final class NationalFunds implements Workload {
        private final NationalData.Result data;
        private final String today;
        private final Map<String, Integer> busy = new ConcurrentHashMap<>();
        private final int[] next;

        NationalFunds(NationalData.Result data, LocalDate today) {
            this.data = data;
            this.today = today.toString();
            this.next = new int[data.projects()];
            for (int i = 0; i < next.length; i++) {
                next[i] = data.nextSequence()[i];
            }
        }

        @Override
        public synchronized Commands.Command next() {
            while (true) {
                int no = data.openProjects()[ThreadLocalRandom.current().nextInt(data.openProjects().length)];
                String id = Plans.projectId(NationalData.PREFIX, no);
                if (busy.putIfAbsent(id, no) == null) {
                    long sequence = next[no];
                    return new Commands.Command(id, data.clerkOf()[no], "/api/projects/" + id + "/funds",
                            "{\"arrivedOn\":\"" + today + "\",\"source\":\"IN_PROVINCE\",\"amountWan\":"
                                    + (100 + ThreadLocalRandom.current().nextInt(5000)) + "}",
                            "bench-funds-" + id + "-" + sequence, sequence);
                }
            }
        }

        @Override
        public synchronized void done(Commands.Command command, boolean accepted) {
            Integer no = busy.remove(command.projectId());
            if (accepted && no != null) {
                next[no]++;
            }
        }
    }

    /**
     * {@code inner}'s commands without corrections, retractions and voids: what the recomputation of the read models
     * (system-tests' Recomputation) covers, so that a long run can be checked against it row by row.
     */
    static final class Recomputable implements Workload {
        private static final List<String> LEFT_OUT = List.of("/corrections", "/retractions", "/void");
        private final Workload inner;

        Recomputable(Workload inner) {
            this.inner = inner;
        }

        @Override
        public synchronized Commands.Command next() {
            for (;;) {
                Commands.Command c = inner.next();
                if (LEFT_OUT.stream().noneMatch(c.path()::endsWith)) {
                    return c;
                }
                inner.done(c, true);
            }
        }

        @Override
        public void done(Commands.Command command, boolean accepted) {
            inner.done(command, accepted);
        }
    }
}
