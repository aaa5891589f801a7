package org.citycoop.k8s;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The manifests of deploy/k8s as {@code kubectl apply -k} sends them: the documents of the files that
 * kustomization.yaml lists, with its {@code images} rewrite applied. The kustomization may use nothing else (no
 * patches, name prefixes, namespace or label transformers), so that these files are the manifests as applied.
 */
record Manifests(JsonNode kustomization, List<Manifest> documents) {

    /** The repository's root: the tests run in the module's folder, deploy/k8s. */
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Path FOLDER = ROOT.resolve("deploy/k8s");
    /** The only fields kustomization.yaml may have. */
    static final Set<String> KUSTOMIZATION_FIELDS = Set.of("apiVersion", "kind", "resources", "images");

    static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION) // a key given twice is an error, as kubectl says
            .build();

    /** One document of one file. */
    record Manifest(String file, int index, ObjectNode node) {
        String apiVersion() {
            return node.path("apiVersion").asText();
        }

        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return file + " #" + (index + 1) + " (" + kind() + " " + name() + ")";
        }
    }

    static Manifests load() throws IOException {
        JsonNode kustomization = YAML.readTree(FOLDER.resolve("kustomization.yaml").toFile());
        List<Manifest> documents = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            documents.addAll(read(resource.asText(), Files.readString(FOLDER.resolve(resource.asText()))));
        }
        documents.forEach(document -> rewriteImages(document.node(), kustomization.path("images")));
        return new Manifests(kustomization, documents);
    }

    /** The documents of one YAML stream (empty documents skipped, as kubectl does). */
    static List<Manifest> read(String file, String yaml) throws IOException {
        List<Manifest> documents = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (values.hasNext()) {
                JsonNode node = values.next();
                if (node == null || node.isNull() || node.isMissingNode()) {
                    continue;
                }
                if (!node.isObject()) {
                    throw new IllegalArgumentException(file + ": a document that is not a mapping: " + node);
                }
                documents.add(new Manifest(file, documents.size(), (ObjectNode) node));
            }
        }
        return documents;
    }

    /** kustomize's images transformer for the pod templates: name, then newName, newTag or digest. */
    static void rewriteImages(ObjectNode document, JsonNode images) {
        JsonNode podSpec = document.path("spec").path("template").path("spec");
        Stream.of("containers", "initContainers").flatMap(field -> stream(podSpec.path(field))).forEach(container -> {
            String image = container.path("image").asText();
            for (JsonNode rule : images) {
                String name = rule.path("name").asText();
                if (image.equals(name) || image.startsWith(name + ":") || image.startsWith(name + "@")) {
                    String newName = rule.path("newName").asText(name);
                    String reference = rule.has("digest") ? "@" + rule.path("digest").asText()
                            : rule.has("newTag") ? ":" + rule.path("newTag").asText()
                            : image.substring(name.length());
                    ((ObjectNode) container).put("image", newName + reference);
                }
            }
        });
    }

    static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    Stream<Manifest> ofKind(String kind) {
        return documents.stream().filter(document -> document.kind().equals(kind));
    }
}
