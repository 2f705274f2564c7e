package io.openruntimes.quarkus.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The access line's text, one row per case of the duration's rounding and the status. */
class AccessLineTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1234567    | 200 | ANSWERED  | POST / 200 answered 1.23 ms, 37 B in, 21 B out
            1235000    | 200 | ANSWERED  | POST / 200 answered 1.24 ms, 37 B in, 21 B out
            5000000    | 500 | THREW     | POST / 500 threw 5.00 ms, 37 B in, 21 B out
            60000      | 400 | REFUSED   | POST / 400 refused 0.06 ms, 37 B in, 21 B out
            0          | 0   | TIMED_OUT | POST / closed timed_out 0.00 ms, 37 B in, 21 B out
            999999999  | 200 | ANSWERED  | POST / 200 answered 1000.00 ms, 37 B in, 21 B out
            """)
    void readsAsTheOperatorExpects(long nanos, int status, Outcome outcome, String line) {
        assertEquals(line, ExecutionObserver.line("POST", "/", status, outcome, nanos, 37, 21));
    }
}
