package org.citycoop.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Where kubectl is installed (it renders offline), what {@code kubectl kustomize deploy/k8s} prints is exactly what
 * the other tests validate ({@link Manifests}: the listed files with the image tags applied). Skipped without kubectl.
 */
class KustomizeRenderTest {

    @Test
    void kubectlRendersTheSameDocumentsAsTheTestsValidate() throws Exception {
        Path kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "kubectl")).filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(kubectl != null, "kubectl is not installed: the rendering is not compared");
        Process process = new ProcessBuilder(kubectl.toString(), "kustomize", Manifests.FOLDER.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String rendered = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize ends");
        assertEquals(0, process.exitValue(), "kubectl kustomize renders deploy/k8s");
        assertEquals(byName(Manifests.load().documents().stream().map(Manifests.Manifest::node)),
                byName(Manifests.read("kubectl kustomize", rendered).stream().map(Manifests.Manifest::node)));
    }

    private static Map<String, JsonNode> byName(Stream<? extends JsonNode> documents) {
        Map<String, JsonNode> byName = new TreeMap<>();
        documents.forEach(d -> byName.put(d.path("kind").asText() + " " + d.path("metadata").path("name").asText(), d));
        return byName;
    }
}
