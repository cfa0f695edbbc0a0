/**
 * Loaded into every test process by `npm test` (scripts/run-tests.ts), before any test file:
 * fixed fast-check seed, no outbound network, and the whole message catalogue (as the services
 * load it), so that a unit test of a view translates its feature's keys.
 */
import './fast-check-seed.js';
import './no-network.js';
import '../../src/messages.js';
