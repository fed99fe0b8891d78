// Generated bad input, third of four shares of the routes (see tests/support/fuzz.ts).
import { fuzzSuite } from '../support/fuzz-suite.ts';

fuzzSuite(2, 4);
