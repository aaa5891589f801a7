package org.citycoop.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every document of deploy/k8s against the schema of its kind (Kubernetes 1.36, Strimzi 1.2, CloudNativePG 1.30, the
 * Barman Cloud plugin 0.14; schemas/README.md), strictly: an unknown or misspelt field is an error. The second half
 * shows that the check bites: copies of real documents, each broken in one way, must be refused.
 */
class ManifestSchemaTest {

    private static Manifests manifests;
    private static Schemas schemas;

    @BeforeAll
    static void load() throws Exception {
        manifests = Manifests.load();
        schemas = new Schemas();
    }

    @Test
    void everyDocumentIsValidAgainstTheSchemaOfItsKind() {
        List<String> errors = new ArrayList<>();
        for (Manifests.Manifest document : manifests.documents()) {
            schemas.validate(document.node()).forEach(error -> errors.add(document + ": " + error));
        }
        assertEquals(List.of(), errors);
        assertTrue(manifests.documents().size() > 30, "the folder's documents were read: " + manifests.documents().size());
    }

    @Test
    void theKindsThisFolderUsesAllHaveTheirSchemasShipped() {
        List<String> kinds = manifests.documents().stream()
                .map(document -> document.apiVersion() + " " + document.kind()).distinct().sorted().toList();
        assertEquals(List.of(
                "apps/v1 Deployment", "autoscaling/v2 HorizontalPodAutoscaler", "barmancloud.cnpg.io/v1 ObjectStore",
                "kafka.strimzi.io/v1 Kafka", "kafka.strimzi.io/v1 KafkaNodePool", "kafka.strimzi.io/v1 KafkaTopic",
                "networking.k8s.io/v1 NetworkPolicy", "policy/v1 PodDisruptionBudget", "postgresql.cnpg.io/v1 Cluster",
                "postgresql.cnpg.io/v1 Database", "postgresql.cnpg.io/v1 DatabaseRole",
                "postgresql.cnpg.io/v1 ScheduledBackup", "v1 Namespace", "v1 Service"), kinds);
    }

    @Test
    void aMisspeltFieldInAPodTemplateIsRefused() {
        refused("Deployment", "catalog-service", deployment -> container(deployment).put("imagePullPolizy", "Always"),
                "imagePullPolizy");
    }

    @Test
    void aCountWrittenAsWordsIsRefused() {
        refused("Deployment", "gateway", deployment -> ((ObjectNode) deployment.path("spec")).put("replicas", "three"),
                "replicas");
    }

    @Test
    void aMisspeltLabelsFieldInMetadataIsRefusedForOperatorKindsToo() {
        refused("KafkaTopic", "catalog.schemes", topic -> ((ObjectNode) topic.path("metadata")).putObject("lables"), "lables");
    }

    @Test
    void aMisspeltFieldOfAKafkaTopicIsRefused() {
        refused("KafkaTopic", "matching.dead-letter", topic -> ((ObjectNode) topic.path("spec")).put("partitons", 3),
                "partitons");
    }

    @Test
    void aMisspeltPluginFieldOfTheClusterIsRefused() {
        refused("Cluster", "citycoop-db",
                cluster -> ((ObjectNode) cluster.path("spec").path("plugins").path(0)).put("isWalArchiver", true),
                "isWalArchiver");
    }

    @Test
    void aWrongTypeInAnObjectStoreIsRefused() {
        refused("ObjectStore", "citycoop-backups",
                store -> ((ObjectNode) store.path("spec").path("configuration")).put("wal", "gzip"), "wal");
    }

    @Test
    void anObsoleteApiVersionHasNoSchema() {
        refused("KafkaNodePool", "combined", pool -> pool.put("apiVersion", "kafka.strimzi.io/v1beta3"), "no schema");
    }

    private static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").path(0);
    }

    private static void refused(String kind, String name, Consumer<ObjectNode> breakIt, String named) {
        ObjectNode copy = manifests.ofKind(kind).filter(document -> document.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name)).node().deepCopy();
        assertEquals(List.of(), schemas.validate(copy), "the original is valid");
        breakIt.accept(copy);
        List<String> errors = schemas.validate(copy);
        assertFalse(errors.isEmpty(), "refused: " + copy);
        assertTrue(errors.stream().anyMatch(error -> error.contains(named)), "the error names " + named + ": " + errors);
    }
}
