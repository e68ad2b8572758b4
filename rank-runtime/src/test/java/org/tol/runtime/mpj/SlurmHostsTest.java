package org.tol.runtime.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SlurmHostsTest {
    @Test
    void firstHostOfCompressedLists() {
        assertEquals("node03", SlurmHosts.first("node[03-05,9],gpu1"));
        assertEquals("gpu-a1", SlurmHosts.first("gpu-a1,gpu-a2"));
        assertEquals("c7", SlurmHosts.first("c[7]"));
        assertEquals("r1n008", SlurmHosts.first("r1n[008-016]"));
        assertEquals("localhost", SlurmHosts.first(null));
    }
}
