import { SnapshotError } from './errors';
import { FORMAT_VERSION } from './header';

/**
 * Older format versions open through a chain of upgrades, one per version: the step registered
 * under v turns a version-v header into a version-(v+1) one, and each body line likewise. Checksums
 * and authentication cover the bytes as written, so they are checked before any upgrade runs.
 *
 * Changing the header or the line shape means bumping FORMAT_VERSION and registering the step
 * from the previous version here (with a test that opens a file of the previous version).
 */
export type RawHeader = Record<string, unknown>;

export interface FormatUpgrade {
	/** A version-v header as version v+1 (formatVersion is set by the caller). */
	header: (h: RawHeader) => RawHeader;
	/** A version-v body line (parsed JSON) as version v+1; absent when lines did not change. */
	entry?: (line: unknown) => unknown;
}

export type MigrationRegistry = Readonly<Record<number, FormatUpgrade>>;

export const MIGRATIONS: MigrationRegistry = {
	// Version 2 only added what a version-1 file never holds (the backup scope, `_setting`
	// lines): a version-1 file reads unchanged.
	1: { header: (h) => h }
};

function stepsFrom(from: number, registry: MigrationRegistry): FormatUpgrade[] {
	const steps: FormatUpgrade[] = [];
	for (let v = from; v < FORMAT_VERSION; v++) {
		const step = Object.hasOwn(registry, v) ? registry[v] : undefined;
		// No way up from this version: not a file any published Rapport wrote.
		if (!step) throw new SnapshotError('snapshot_corrupt', `no upgrade from version ${v}`);
		steps.push(step);
	}
	return steps;
}

/** The header upgraded to FORMAT_VERSION (the input is not changed). */
export function upgradeHeader(h: RawHeader, from: number, registry = MIGRATIONS): RawHeader {
	let out = h;
	stepsFrom(from, registry).forEach((step, i) => {
		out = { ...step.header(out), formatVersion: from + i + 1 };
	});
	return out;
}

/** A function that upgrades one body line of version `from` to FORMAT_VERSION. */
export function lineUpgrader(from: number, registry = MIGRATIONS): (line: unknown) => unknown {
	const steps = stepsFrom(from, registry).flatMap((s) => (s.entry ? [s.entry] : []));
	if (steps.length === 0) return (line) => line;
	return (line) => steps.reduce((acc, step) => step(acc), line);
}
