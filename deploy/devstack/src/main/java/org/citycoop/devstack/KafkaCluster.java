package org.citycoop.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A KRaft cluster of several {@link KafkaBroker} nodes on 127.0.0.1, each a combined controller and broker with its
 * own ports and log directory, all voters of one static controller quorum. Topics are created on first use with the
 * cluster's defaults: replication factor 3 (or the number of nodes, when fewer), {@code min.insync.replicas} 2, three
 * partitions, unclean leader election off.
 *
 * <p>Node {@code i} (from 1) lives in {@code directories.get(i - 1)}; with a base port its client port is
 * {@code base + 2(i - 1)} and its controller port the next one (19092/19093, 19094/19095, 19096/19097 from the
 * launcher's default), without one (0) every port is a free one.
 */
public final class KafkaCluster {

    private final List<KafkaBroker.Node> nodes;
    private final List<Path> directories;

    private KafkaCluster(List<KafkaBroker.Node> nodes, List<Path> directories) {
        this.nodes = nodes;
        this.directories = directories;
    }

    /** The layout of a cluster of {@code directories.size()} nodes from {@code basePort} (0: free ports). */
    public static KafkaCluster of(List<Path> directories, int basePort) throws IOException {
        List<KafkaBroker.Node> nodes = new ArrayList<>();
        for (int i = 1; i <= directories.size(); i++) {
            int client = basePort > 0 ? basePort + 2 * (i - 1) : KafkaBroker.freePort();
            int controller = basePort > 0 ? client + 1 : KafkaBroker.freePort();
            nodes.add(new KafkaBroker.Node(i, client, controller));
        }
        return new KafkaCluster(List.copyOf(nodes), List.copyOf(directories));
    }

    public int size() {
        return nodes.size();
    }

    /** Every node's client address, comma-separated, as clients take it. */
    public String bootstrapServers() {
        return String.join(",", nodes.stream().map(n -> "127.0.0.1:" + n.clientPort()).toList());
    }

    /** The client port of node {@code id} (from 1). */
    public int clientPort(int id) {
        return nodes.get(id - 1).clientPort();
    }

    /**
     * Starts the nodes whose {@code running} is false (all of a new cluster; the missing ones of a cluster that runs
     * in part), formatted with the cluster id the others hold, and waits until every node is a registered broker.
     *
     * @return the started brokers by node id
     */
    public Map<Integer, KafkaBroker> start(java.util.function.IntPredicate running, boolean detached, Duration timeout)
            throws IOException, InterruptedException {
        String clusterId = directories.stream().map(KafkaBroker::clusterIdOf).flatMap(Optional::stream).findFirst()
                .orElseGet(KafkaBroker::newClusterId);
        Map<Integer, KafkaBroker> started = new java.util.LinkedHashMap<>();
        for (KafkaBroker.Node node : nodes) {
            if (!running.test(node.id())) {
                started.put(node.id(), KafkaBroker.launch(directories.get(node.id() - 1), node, nodes, clusterId, detached));
            }
        }
        for (KafkaBroker broker : started.values()) {
            broker.awaitPort(timeout);
        }
        awaitBrokers(timeout);
        return started;
    }

    /** Starts node {@code id} again (after it was stopped or killed) and waits until the cluster has every broker back. */
    public KafkaBroker restart(int id, boolean detached, Duration timeout) throws IOException, InterruptedException {
        return start(other -> other != id, detached, timeout).get(id);
    }

    /** Waits until the controller quorum knows every node as a broker, so that new topics get all their replicas. */
    public void awaitBrokers(Duration timeout) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000))) {
            int seen = 0;
            while (Instant.now().isBefore(until)) {
                try {
                    seen = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
                    if (seen >= nodes.size()) {
                        return;
                    }
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException notYet) {
                    // the quorum is still electing its leader
                }
                Thread.sleep(300);
            }
            throw new IOException("Only " + seen + " of " + nodes.size() + " Kafka brokers registered within " + timeout
                    + "; see " + directories.get(0).resolve("broker.log"));
        }
    }
}
