package org.citycoop.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.citycoop.k8s.Manifests.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What no schema can check: that the documents of deploy/k8s refer to each other and agree with the services'
 * configuration (application.properties, the event classes' topics, the poms). Each test collects every problem it
 * finds and names the document.
 */
class ManifestReferencesTest {

    private static final String NAMESPACE = "citycoop";
    /** Where Prometheus runs, and where the CloudNativePG operator and its Barman Cloud plugin run (README.md). */
    private static final String MONITORING = "monitoring";
    private static final String OPERATORS = "cnpg-system";
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("static final String TOPIC = \"([^\"]+)\"");
    private static final Pattern CHANNEL_KEY = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)");
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)(\\?.*)?");
    /** Seconds the JVM may take to exit once the server has stopped. */
    private static final long EXIT_MARGIN_SECONDS = 5;

    private static Manifests manifests;
    private static List<Manifest> deployments;

    @BeforeAll
    static void load() throws IOException {
        manifests = Manifests.load();
        deployments = manifests.ofKind("Deployment").toList();
    }

    @Test
    void theKustomizationListsEveryManifestFileAndUsesNothingButResourcesAndImages() throws IOException {
        Set<String> fields = new TreeSet<>();
        manifests.kustomization().fieldNames().forEachRemaining(fields::add);
        assertTrue(Manifests.KUSTOMIZATION_FIELDS.containsAll(fields),
                "kustomization.yaml keeps to " + Manifests.KUSTOMIZATION_FIELDS + " (the files are then the manifests as applied): " + fields);
        Set<String> listed = new TreeSet<>();
        manifests.kustomization().path("resources").forEach(resource -> listed.add(resource.asText()));
        Set<String> files = new TreeSet<>();
        try (Stream<Path> entries = Files.list(Manifests.FOLDER)) {
            entries.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml")).forEach(files::add);
        }
        assertEquals(files, listed, "every manifest file of deploy/k8s is applied, and only those");
        Set<String> images = new TreeSet<>();
        manifests.kustomization().path("images").forEach(image -> images.add(image.path("name").asText()));
        Set<String> used = new TreeSet<>();
        deployments.forEach(deployment -> used.add(image(deployment).replaceAll("[:@].*", "")));
        assertEquals(images, used, "every image is tagged under images, and every entry there is used");
    }

    @Test
    void everyDocumentIsNamedAndLivesInTheSuitesNamespace() {
        List<String> problems = new ArrayList<>();
        for (Manifest document : manifests.documents()) {
            if (document.name().isEmpty()) {
                problems.add(document + ": no metadata.name");
            }
            String namespace = document.node().path("metadata").path("namespace").asText();
            if (document.kind().equals("Namespace") ? !namespace.isEmpty() || !document.name().equals(NAMESPACE)
                    : !namespace.equals(NAMESPACE)) {
                problems.add(document + ": namespace " + namespace + ", not " + NAMESPACE);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void servicesDisruptionBudgetsAndAutoscalersEachSelectADeployment() {
        List<String> problems = new ArrayList<>();
        manifests.ofKind("Service").forEach(service -> {
            List<Manifest> selected = deployments.stream()
                    .filter(d -> Selectors.plainMatches(service.node().path("spec").path("selector"), podLabels(d))).toList();
            if (selected.size() != 1) {
                problems.add(service + " selects " + selected.size() + " Deployments");
            }
            for (Manifest deployment : selected) {
                for (JsonNode port : service.node().path("spec").path("ports")) {
                    JsonNode target = port.path("targetPort");
                    boolean found = Manifests.stream(container(deployment).path("ports")).anyMatch(p -> target.isTextual()
                            ? p.path("name").asText().equals(target.asText()) : p.path("containerPort").asInt() == target.asInt());
                    if (!found) {
                        problems.add(service + ": targetPort " + target + " is no port of " + deployment);
                    }
                }
            }
        });
        manifests.ofKind("PodDisruptionBudget").forEach(budget -> {
            long selected = deployments.stream()
                    .filter(d -> Selectors.matches(budget.node().path("spec").path("selector"), podLabels(d))).count();
            if (selected != 1) {
                problems.add(budget + " selects " + selected + " Deployments");
            }
        });
        manifests.ofKind("HorizontalPodAutoscaler").forEach(autoscaler -> {
            JsonNode target = autoscaler.node().path("spec").path("scaleTargetRef");
            Optional<Manifest> scaled = deployments.stream().filter(d -> d.name().equals(target.path("name").asText())).findFirst();
            if (!target.path("kind").asText().equals("Deployment") || scaled.isEmpty()) {
                problems.add(autoscaler + ": no Deployment " + target);
            } else if (scaled.get().node().path("spec").has("replicas")) {
                problems.add(scaled.get() + ": sets replicas, which every apply would reset under " + autoscaler);
            }
        });
        for (Manifest deployment : deployments) {
            if (!Selectors.matches(deployment.node().path("spec").path("selector"), podLabels(deployment))) {
                problems.add(deployment + ": its selector does not match its own pods");
            }
            for (String kind : List.of("Service", "PodDisruptionBudget")) {
                if (manifests.ofKind(kind).noneMatch(other -> other.name().equals(deployment.name()))) {
                    problems.add(deployment + " has no " + kind + " of its name");
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(Set.of("catalog-service", "matching-service", "twinning-service", "gateway", "finder"),
                Set.copyOf(deployments.stream().map(Manifest::name).toList()), "every process of the suite is deployed");
    }

    @Test
    void everyTopicTheServicesUseHasADurableKafkaTopicAndEveryKafkaTopicIsUsed() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path module : modules()) {
            Properties properties = properties(module.resolve("src/main/resources/application.properties"));
            for (String key : properties.stringPropertyNames()) {
                Matcher channel = CHANNEL_KEY.matcher(key);
                if (!channel.matches() || !channel.group(3).equals("connector")) {
                    continue;
                }
                String prefix = "mp.messaging." + channel.group(1) + "." + channel.group(2) + ".";
                String connector = "mp.messaging.connector." + properties.getProperty(key) + ".";
                used.add(properties.getProperty(prefix + "topic", channel.group(2)));
                // a channel's attribute, else the connector's default for every channel
                if ("dead-letter-queue".equals(properties.getProperty(prefix + "failure-strategy",
                        properties.getProperty(connector + "failure-strategy")))) {
                    used.add(properties.getProperty(prefix + "dead-letter-queue.topic",
                            properties.getProperty(connector + "dead-letter-queue.topic", "dead-letter-topic-" + channel.group(2))));
                }
            }
            try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
                for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                    Matcher constant = TOPIC_CONSTANT.matcher(Files.readString(source));
                    while (constant.find()) {
                        used.add(constant.group(1));
                    }
                }
            }
        }
        assertTrue(used.containsAll(Set.of("catalog.schemes", "matching.dead-letter", "twinning.dead-letter", "matching.alerts")),
                "the services' topics were found: " + used);

        Manifest kafka = manifests.ofKind("Kafka").findFirst().orElseThrow();
        Set<String> declared = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        manifests.ofKind("KafkaTopic").forEach(topic -> {
            JsonNode spec = topic.node().path("spec");
            declared.add(spec.path("topicName").asText(topic.name()));
            if (!topic.node().path("metadata").path("labels").path("strimzi.io/cluster").asText().equals(kafka.name())) {
                problems.add(topic + ": not labelled for the cluster " + kafka.name());
            }
            if (spec.path("replicas").asInt() != 3 || spec.path("partitions").asInt() < 3
                    || spec.path("config").path("min.insync.replicas").asInt() != 2
                    || !spec.path("config").path("unclean.leader.election.enable").isBoolean()
                    || spec.path("config").path("unclean.leader.election.enable").asBoolean()) {
                problems.add(topic + ": wants 3 replicas, 3 partitions or more, min.insync.replicas 2, unclean leader election off");
            }
        });
        JsonNode config = kafka.node().path("spec").path("kafka").path("config");
        if (config.path("default.replication.factor").asInt() != 3 || config.path("min.insync.replicas").asInt() != 2
                || config.path("unclean.leader.election.enable").asBoolean(true)) {
            problems.add(kafka + ": the brokers' defaults want replication 3, min.insync.replicas 2, unclean leader election off");
        }
        assertEquals(List.of(), problems);
        assertEquals(used, declared, "a KafkaTopic for each topic the services use, and none they do not");
    }

    @Test
    void eachProcessWithADatabaseUsesItsOwnDatabaseAndRoleInTheOneCluster() throws IOException {
        List<Manifest> clusters = manifests.ofKind("Cluster").toList();
        assertEquals(1, clusters.size(), "one PostgreSQL cluster for the suite");
        String cluster = clusters.get(0).name();
        List<String> problems = new ArrayList<>();
        Set<String> databases = new TreeSet<>();
        for (Manifest deployment : deployments) {
            Properties properties = properties(module(deployment).resolve("src/main/resources/application.properties"));
            Optional<String> url = env(deployment, "QUARKUS_DATASOURCE_JDBC_URL");
            if (properties.getProperty("quarkus.datasource.db-kind") == null) {
                url.ifPresent(u -> problems.add(deployment + ": a datasource URL for a process without a database"));
                continue;
            }
            Matcher jdbc = JDBC_URL.matcher(url.orElse(""));
            if (!jdbc.matches() || !jdbc.group(1).equals(cluster + "-rw") || !jdbc.group(2).equals("5432")) {
                problems.add(deployment + ": QUARKUS_DATASOURCE_JDBC_URL " + url.orElse("(none)") + " is not the primary of " + cluster);
                continue;
            }
            String database = jdbc.group(3);
            databases.add(database);
            Optional<Manifest> declared = manifests.ofKind("Database").filter(d -> d.node().path("spec").path("name").asText().equals(database)
                    && d.node().path("spec").path("cluster").path("name").asText().equals(cluster)).findFirst();
            if (declared.isEmpty()) {
                problems.add(deployment + ": no Database " + database + " in " + cluster);
                continue;
            }
            String owner = declared.get().node().path("spec").path("owner").asText();
            Optional<Manifest> role = manifests.ofKind("DatabaseRole").filter(r -> r.node().path("spec").path("name").asText().equals(owner)
                    && r.node().path("spec").path("cluster").path("name").asText().equals(cluster)).findFirst();
            if (role.isEmpty() || !role.get().node().path("spec").path("login").asBoolean()) {
                problems.add(deployment + ": no login DatabaseRole " + owner + " owning " + database);
                continue;
            }
            String secret = role.get().node().path("spec").path("passwordSecret").path("name").asText();
            for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                String from = envVar(deployment, variable).map(v -> v.path("valueFrom").path("secretKeyRef").path("name").asText()).orElse("");
                if (!from.equals(secret)) {
                    problems.add(deployment + ": " + variable + " from secret '" + from + "', not the role's " + secret);
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(Set.of("catalog", "matching", "twinning", "gateway"), databases, "one database per process that has one");
    }

    @Test
    void theServicesAndTheFinderAreReachedOnlyFromTheGatewayAndTheDataStoresOnlyFromTheirClients() {
        List<String> problems = new ArrayList<>();
        List<Manifest> policies = manifests.ofKind("NetworkPolicy").toList();
        boolean denyByDefault = policies.stream().anyMatch(policy -> policy.node().path("spec").path("podSelector").isEmpty()
                && policy.node().path("spec").path("policyTypes").toString().contains("Ingress")
                && policy.node().path("spec").path("ingress").isEmpty());
        if (!denyByDefault) {
            problems.add("no default-deny ingress NetworkPolicy");
        }
        Manifest gateway = deployments.stream().filter(d -> d.name().equals("gateway")).findFirst().orElseThrow();
        for (Manifest deployment : deployments) {
            if (deployment == gateway) {
                continue;
            }
            List<JsonNode> peers = peersOf(policies, podLabels(deployment));
            if (peers.stream().noneMatch(peer -> selectsOnly(peer, Set.of(gateway)))) {
                problems.add(deployment + ": the gateway may not reach it");
            }
            peers.stream().filter(peer -> !selectsOnly(peer, Set.of(gateway)) && !namespace(peer, Set.of(MONITORING)))
                    .forEach(peer -> problems.add(deployment + ": reachable from " + peer + ", not only the gateway"));
        }
        // Kafka: Strimzi writes the listener's policy from networkPolicyPeers; they must be the Kafka clients exactly.
        Set<Manifest> kafkaClients = Set.copyOf(deployments.stream().filter(d -> env(d, "KAFKA_BOOTSTRAP_SERVERS").isPresent()).toList());
        manifests.ofKind("Kafka").forEach(kafka -> kafka.node().path("spec").path("kafka").path("listeners").forEach(listener -> {
            if (!listener.has("networkPolicyPeers") || Manifests.stream(listener.path("networkPolicyPeers"))
                    .anyMatch(peer -> !selectsOnly(peer, kafkaClients) || selected(peer).size() != kafkaClients.size())) {
                problems.add(kafka + ": listener " + listener.path("name").asText() + " open to others than " + names(kafkaClients));
            }
        }));
        // PostgreSQL: the processes with a datasource, the instances themselves, and the operators' namespace.
        Set<Manifest> databaseClients = Set.copyOf(deployments.stream().filter(d -> env(d, "QUARKUS_DATASOURCE_JDBC_URL").isPresent()).toList());
        manifests.ofKind("Cluster").forEach(cluster -> {
            JsonNode instanceLabels = Manifests.YAML.createObjectNode().put("cnpg.io/cluster", cluster.name());
            List<JsonNode> peers = peersOf(policies, instanceLabels);
            if (peers.stream().noneMatch(peer -> selectsOnly(peer, databaseClients) && selected(peer).size() == databaseClients.size())) {
                problems.add(cluster + ": not reachable from all of " + names(databaseClients));
            }
            peers.stream().filter(peer -> !selectsOnly(peer, databaseClients) && !namespace(peer, Set.of(MONITORING, OPERATORS))
                            && !(peer.has("podSelector") && !peer.has("namespaceSelector") && !peer.has("ipBlock")
                                 && Selectors.matches(peer.path("podSelector"), instanceLabels)
                                 && selected(peer).isEmpty()))
                    .forEach(peer -> problems.add(cluster + ": reachable from " + peer));
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void shutdownWaitsForTheLoadBalancersAndTheRequestsUnderWayWithinTheGracePeriod() throws IOException {
        List<String> problems = new ArrayList<>();
        Properties platform = properties(Manifests.ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
        for (Manifest deployment : deployments) {
            Properties own = properties(module(deployment).resolve("src/main/resources/application.properties"));
            String timeout = own.getProperty("quarkus.shutdown.timeout", platform.getProperty("quarkus.shutdown.timeout"));
            String delayEnabled = own.getProperty("quarkus.shutdown.delay-enabled", platform.getProperty("quarkus.shutdown.delay-enabled"));
            Optional<String> delay = env(deployment, "QUARKUS_SHUTDOWN_DELAY");
            JsonNode preStop = container(deployment).path("lifecycle").path("preStop").path("sleep").path("seconds");
            long grace = deployment.node().path("spec").path("template").path("spec").path("terminationGracePeriodSeconds").asLong(30);
            if (timeout == null || delay.isEmpty() || !"true".equals(delayEnabled) || !preStop.isInt()) {
                problems.add(deployment + ": wants a preStop sleep, QUARKUS_SHUTDOWN_DELAY with quarkus.shutdown.delay-enabled=true,"
                        + " and quarkus.shutdown.timeout (timeout " + timeout + ", delay " + delay + ", enabled " + delayEnabled + ")");
                continue;
            }
            long needed = preStop.asLong() + seconds(delay.get()) + seconds(timeout) + EXIT_MARGIN_SECONDS;
            if (grace < needed) {
                problems.add(deployment + ": terminationGracePeriodSeconds " + grace + " < preStop " + preStop + " s + delay " + delay.get()
                        + " + timeout " + timeout + " + " + EXIT_MARGIN_SECONDS + " s");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyProcessIsScrapedAtItsMetricsEndpointAndServesIt() throws IOException {
        List<String> problems = new ArrayList<>();
        boolean platformHasMetrics = Files.readString(Manifests.ROOT.resolve("platform/pom.xml")).contains("quarkus-micrometer-registry-prometheus");
        for (Manifest deployment : deployments) {
            JsonNode annotations = deployment.node().path("spec").path("template").path("metadata").path("annotations");
            String port = Manifests.stream(container(deployment).path("ports")).findFirst().map(p -> p.path("containerPort").asText()).orElse("");
            if (!annotations.path("prometheus.io/scrape").asText().equals("true") || !annotations.path("prometheus.io/path").asText().equals("/q/metrics")
                    || !annotations.path("prometheus.io/port").asText().equals(port)) {
                problems.add(deployment + ": scrape annotations for /q/metrics on port " + port + ": " + annotations);
            }
            String pom = Files.readString(module(deployment).resolve("pom.xml"));
            if (!pom.contains("quarkus-micrometer-registry-prometheus") && !(platformHasMetrics && pom.contains("<artifactId>platform</artifactId>"))) {
                problems.add(deployment + ": its module serves no Prometheus metrics");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyAddressInTheEnvironmentIsAServiceOrTheKafkaBootstrapOfTheCluster() {
        List<String> problems = new ArrayList<>();
        Manifest kafka = manifests.ofKind("Kafka").findFirst().orElseThrow();
        Set<String> bootstraps = new TreeSet<>();
        kafka.node().path("spec").path("kafka").path("listeners").forEach(listener ->
                bootstraps.add(kafka.name() + "-kafka-bootstrap:" + listener.path("port").asInt()));
        for (Manifest deployment : deployments) {
            String port = Manifests.stream(container(deployment).path("ports")).findFirst().map(p -> p.path("containerPort").asText()).orElse("");
            if (!env(deployment, "QUARKUS_HTTP_PORT").orElse("").equals(port)) {
                problems.add(deployment + ": QUARKUS_HTTP_PORT is not its container port " + port);
            }
            env(deployment, "KAFKA_BOOTSTRAP_SERVERS").filter(servers -> !bootstraps.contains(servers))
                    .ifPresent(servers -> problems.add(deployment + ": KAFKA_BOOTSTRAP_SERVERS " + servers + " is none of " + bootstraps));
            for (JsonNode variable : container(deployment).path("env")) {
                String value = variable.path("value").asText();
                if (!variable.path("name").asText().endsWith("_URL") || !value.startsWith("http://")) {
                    continue;
                }
                URI uri = URI.create(value);
                int servicePort = uri.getPort() == -1 ? 80 : uri.getPort();
                boolean found = manifests.ofKind("Service").anyMatch(service -> service.name().equals(uri.getHost())
                        && Manifests.stream(service.node().path("spec").path("ports")).anyMatch(p -> p.path("port").asInt() == servicePort));
                boolean external = uri.getHost().equals("otel-collector"); // the cluster's collector, not the suite's
                if (!found && !external) {
                    problems.add(deployment + ": " + variable.path("name").asText() + " " + value + " is no Service port of the suite");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    // --- helpers

    private static JsonNode podLabels(Manifest deployment) {
        return deployment.node().path("spec").path("template").path("metadata").path("labels");
    }

    private static JsonNode container(Manifest deployment) {
        return deployment.node().path("spec").path("template").path("spec").path("containers").path(0);
    }

    private static String image(Manifest deployment) {
        return container(deployment).path("image").asText();
    }

    /** The module a Deployment runs: its image is citycoop/<module>. */
    private static Path module(Manifest deployment) {
        return Manifests.ROOT.resolve(image(deployment).replaceAll("[:@].*", "").replace("citycoop/", ""));
    }

    private static List<Path> modules() {
        return Stream.of("catalog-service", "matching-service", "twinning-service", "gateway", "finder").map(Manifests.ROOT::resolve).toList();
    }

    private static Optional<JsonNode> envVar(Manifest deployment, String name) {
        return Manifests.stream(container(deployment).path("env")).filter(v -> v.path("name").asText().equals(name)).findFirst();
    }

    private static Optional<String> env(Manifest deployment, String name) {
        return envVar(deployment, name).map(v -> v.has("value") ? v.path("value").asText() : "(from " + v.path("valueFrom") + ")");
    }

    /** The ingress peers of every NetworkPolicy that selects pods with these labels. */
    private static List<JsonNode> peersOf(List<Manifest> policies, JsonNode labels) {
        return policies.stream().filter(policy -> Selectors.matches(policy.node().path("spec").path("podSelector"), labels))
                .flatMap(policy -> Manifests.stream(policy.node().path("spec").path("ingress")))
                .flatMap(rule -> Manifests.stream(rule.path("from"))).toList();
    }

    /** A peer that is one of these namespaces as a whole, by name. */
    private static boolean namespace(JsonNode peer, Set<String> names) {
        JsonNode selector = peer.path("namespaceSelector");
        return !peer.has("podSelector") && !peer.has("ipBlock") && selector.path("matchExpressions").isEmpty()
                && selector.path("matchLabels").size() == 1
                && names.contains(selector.path("matchLabels").path("kubernetes.io/metadata.name").asText());
    }

    /** The suite's Deployments whose pods a peer (podSelector only, same namespace) selects. */
    private static Set<Manifest> selected(JsonNode peer) {
        if (!peer.has("podSelector") || peer.has("namespaceSelector") || peer.has("ipBlock")) {
            return Set.of();
        }
        return Set.copyOf(deployments.stream().filter(d -> Selectors.matches(peer.path("podSelector"), podLabels(d))).toList());
    }

    private static boolean selectsOnly(JsonNode peer, Set<Manifest> allowed) {
        Set<Manifest> selected = selected(peer);
        return !selected.isEmpty() && allowed.containsAll(selected);
    }

    private static List<String> names(Set<Manifest> deployments) {
        return deployments.stream().map(Manifest::name).sorted().toList();
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    /** A Quarkus duration as written in these files: 10S, 500ms, or ISO-8601 without its PT. */
    static long seconds(String duration) {
        String value = duration.trim();
        if (value.matches("\\d+")) {
            return Long.parseLong(value);
        }
        if (value.matches("\\d+ms")) {
            return (Long.parseLong(value.substring(0, value.length() - 2)) + 999) / 1000;
        }
        return Duration.parse(value.startsWith("P") ? value : "PT" + value).toSeconds();
    }

    @Test
    void durationsReadAsQuarkusReadsThem() {
        assertEquals(10, seconds("10S"));
        assertEquals(5, seconds("5s"));
        assertEquals(1, seconds("500ms"));
        assertEquals(120, seconds("2M"));
        assertEquals(3600, seconds("1H"));
    }
}
