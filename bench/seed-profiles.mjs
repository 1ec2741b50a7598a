// Seeds (or reuses) the benchmark profiles ahead of a run: seeding 100,000 customers takes
// minutes. Usage: BENCH_SIZES=10000,100000 node bench/seed-profiles.mjs (BENCH_SEEDS=7,8 for the
// second, different data set that the snapshot suite merges into; BENCH_DAY=0 for customers and
// interactions only, as the list and snapshot suites use).
import { build, serve } from './lib/app.mjs';
import { seededProfile } from './lib/seed.mjs';

const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const seeds = (process.env.BENCH_SEEDS ?? '7').split(',').map(Number);
const day = process.env.BENCH_DAY !== '0';
build();
const server = await serve();
try {
	for (const seed of seeds)
		for (const size of sizes) {
			const { dir, meta } = await seededProfile(size, { seed, day });
			console.log(dir, meta);
		}
} finally {
	server.kill();
}
