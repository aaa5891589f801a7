package org.citycoop.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MachineLoadTest {

    @Test
    void describesTheThreeLoadAveragesOfProcLoadavg() {
        assertEquals("load average 2.82 1.67 2.27 (1, 5, 15 min) on 2 cores",
                MachineLoad.describeLoadAverage("2.82 1.67 2.27 3/912 123456\n", 2));
        assertThrows(IllegalArgumentException.class, () -> MachineLoad.describeLoadAverage("", 2));
    }

    @Test
    void ranksProcessesByTheCpuTheyUsedDuringTheWindowNotByTheirTotal() {
        Map<Long, Duration> before = Map.of(1L, Duration.ofSeconds(500), 2L, Duration.ofSeconds(1), 3L, Duration.ofSeconds(7), 4L, Duration.ZERO);
        Map<Long, Duration> after = Map.of(1L, Duration.ofMillis(500_200), 2L, Duration.ofMillis(2_800), 3L, Duration.ofSeconds(7),
                5L, Duration.ofSeconds(9));
        List<MachineLoad.Busy> busiest = MachineLoad.rank(before, after, Duration.ofSeconds(2), 5);
        assertEquals(List.of(2L, 1L), busiest.stream().map(MachineLoad.Busy::pid).toList(),
                "idle (3), vanished (4) and new (5) processes are left out");
        assertEquals(0.9, busiest.get(0).cores(), 1e-9);
        assertEquals(0.1, busiest.get(1).cores(), 1e-9);
        assertEquals(1, MachineLoad.rank(before, after, Duration.ofSeconds(2), 1).size());
    }

    @Test
    void shortensCommandLinesWithoutTheirClassPath() {
        String line = "/usr/lib/jvm/bin/java -cp /a.jar:/b.jar:/c.jar org.example.Main --flag";
        assertEquals("/usr/lib/jvm/bin/java -cp … org.example.Main --flag", MachineLoad.shorten(line, 200));
        assertEquals("/usr/bin/java -classpath … -Dmaven.multiModuleProjectDirectory=/work/wt-x org.codehaus.Launcher -q verify",
                MachineLoad.shorten("/usr/bin/java -classpath /boot.jar -Dclassworlds.conf=/m2.conf -Xmx1g "
                        + "-Dmaven.multiModuleProjectDirectory=/work/wt-x org.codehaus.Launcher -q verify", 200));
        String cut = MachineLoad.shorten("x".repeat(300), 110);
        assertEquals(110, cut.length());
        assertTrue(cut.endsWith("…"));
    }

    @Test
    void seesThisJvmAmongTheBusiestWhenItSpins() throws Exception {
        Thread spinner = new Thread(() -> {
            long until = System.nanoTime() + 1_500_000_000L;
            double x = 0;
            while (System.nanoTime() < until) {
                x += Math.sqrt(x + 1);
            }
            if (x < 0) {
                System.out.println(x);
            }
        });
        spinner.start();
        List<MachineLoad.Busy> busiest = MachineLoad.busiest(Duration.ofSeconds(1), 50);
        spinner.join();
        assertTrue(busiest.stream().anyMatch(b -> b.pid() == ProcessHandle.current().pid() && b.ours() && b.cores() > 0.2),
                () -> "this JVM spun a core but was not seen: " + busiest);
    }
}
