package org.citycoop.e2e;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/compose's health checks of the images built from deploy/docker/Dockerfile, run here as the container
 * would run them (no container runtime on these machines): each command with the service's own environment, against
 * a stand-in that answers /q/health/ready. A check that can never pass keeps the gateway from ever starting.
 */
class ComposeHealthcheckTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    @SuppressWarnings("unchecked")
    void everyServicesHealthCheckPassesWhenItIsReadyAndFailsOtherwise() throws Exception {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("deploy/compose/compose.yaml"))) {
            compose = new Yaml().load(reader);
        }
        String dockerfile = Files.readString(ROOT.resolve("deploy/docker/Dockerfile"));
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, Object> entry : ((Map<String, Object>) compose.get("services")).entrySet()) {
            Map<String, Object> service = (Map<String, Object>) entry.getValue();
            Map<String, Object> build = (Map<String, Object>) service.get("build");
            if (build == null || !"deploy/docker/Dockerfile".equals(build.get("dockerfile"))) {
                continue; // postgres and kafka: their images' own tools
            }
            List<String> test = (List<String>) ((Map<String, Object>) service.get("healthcheck")).get("test");
            assertEquals("CMD", test.get(0), entry.getKey() + ": run without a shell (the image's sh is dash)");
            String inImage = test.get(1);
            assertTrue(dockerfile.contains(" " + inImage + "\n"), entry.getKey() + ": the Dockerfile puts " + inImage + " in the image");
            List<String> command = new ArrayList<>(test.subList(1, test.size()));
            command.set(0, ROOT.resolve("deploy/docker").resolve(Path.of(inImage).getFileName()).toString());
            String port = String.valueOf(((Map<String, Object>) service.get("environment")).get("QUARKUS_HTTP_PORT"));
            assertNotEquals("null", port, entry.getKey() + " sets QUARKUS_HTTP_PORT");

            int free = freePort();
            assertNotEquals(0, run(command, free), entry.getKey() + ": nothing listens, the check fails");
            HttpServer ready = serve(free, 200);
            try {
                assertEquals(0, run(command, free), entry.getKey() + ": ready, the check passes");
            } finally {
                ready.stop(0);
            }
            HttpServer starting = serve(free, 503);
            try {
                assertNotEquals(0, run(command, free), entry.getKey() + ": not ready, the check fails");
            } finally {
                starting.stop(0);
            }
            checked.add(entry.getKey());
        }
        assertEquals(List.of("catalog-service", "finder", "gateway", "matching-service", "twinning-service"),
                checked.stream().sorted().toList());
    }

    private static int run(List<String> command, int port) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port)); // the port the stand-in listens on
        Process process = builder.start();
        process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the check ends");
        return process.exitValue();
    }

    private static HttpServer serve(int port, int status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/q/health/ready", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes();
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
