package io.openruntimes.quarkus.v5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** contract-v5 4.4's host/port row with 8 #13 (Vert.x itself answers 400 to some bad Host headers before any route). */
class HostPortTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "example.com|80|example.com|80",
        "example.com|443|example.com|443",
        "example.com:8080|80|example.com|8080",
        "[::1]:3000|80|::1|3000",
        "[::1]|443|::1|443",
        "example.com:abc|80|example.com|80",
        "example.com:abc|443|example.com|443",
        "example.com:99999|80|example.com|80",
        "example.com:|80|example.com|80",
    })
    void parses(String header, int defaultPort, String host, int port) {
        assertEquals(new HostPort(host, port), HostPort.parse(header, defaultPort));
    }

    @org.junit.jupiter.api.Test
    void noHostHeader() {
        assertEquals(new HostPort("", 80), HostPort.parse(null, 80));
    }
}
