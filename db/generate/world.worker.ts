/**
 * The worker thread of a large load (see partsFromWorker in generate.ts): makes the office part by part
 * and posts each part to the main thread, which writes it meanwhile. A few parts ahead at most: each holds
 * a few hundred thousand rows.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { produce, type WorldInput } from './world';

/** Parts made but not yet written, at most. */
const AHEAD = 2;

const input = workerData as WorldInput;
const written = new Int32Array(input.written);
const parts = produce(input.seed, input.scale, input.officerId);
let posted = 0;
for (let next = parts.next(); ; next = parts.next()) {
	if (next.done) {
		parentPort!.postMessage({ made: next.value });
		break;
	}
	parentPort!.postMessage({ part: next.value });
	posted++;
	for (let seen = Atomics.load(written, 0); posted - seen >= AHEAD; seen = Atomics.load(written, 0)) {
		Atomics.wait(written, 0, seen);
	}
}
