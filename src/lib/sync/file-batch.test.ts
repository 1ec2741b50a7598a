import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileRecipient, planBatch, type BatchFile } from './file-batch';

const me = { deviceId: 'dev-me', memberId: 'm-me' };

const file = (ref: number, over: Partial<BatchFile> = {}): BatchFile => ({
	ref,
	checksum: `sum${ref}`,
	size: 100,
	deviceId: 'dev-a',
	exportedAt: 1_000 + ref,
	...over
});
const delta = (after: number, upTo: number, key = 'team/all') => ({
	key,
	after,
	upTo,
	full: after === 0
});

describe('planBatch', () => {
	it('applies each sender’s files in the order of its changes, whatever the order chosen', () => {
		const files = [
			file(0, { deviceId: 'dev-b', changes: delta(10, 20) }),
			file(1, { deviceId: 'dev-a', changes: delta(5, 9) }),
			file(2, { deviceId: 'dev-b', changes: delta(0, 10) }),
			file(3, { deviceId: 'dev-a', changes: delta(0, 5) })
		];
		expect(planBatch(files, me)).toEqual({ order: [3, 1, 2, 0], refused: [] });
	});

	it('names a repeat and the file applied in its place, and applies the content once', () => {
		const files = [file(0), file(1, { checksum: 'sum0' }), file(2)];
		expect(planBatch(files, me)).toEqual({
			order: [0, 2],
			refused: [{ ref: 1, code: 'batch_repeat', of: 0 }]
		});
	});

	it('reads the longest copy and names a shorter one as cut short', () => {
		const files = [
			file(0, { size: 60 }),
			file(1, { checksum: 'sum0' }),
			file(2, { checksum: 'sum0' })
		];
		expect(planBatch(files, me)).toEqual({
			order: [1],
			refused: [
				{ ref: 0, code: 'batch_cut_copy', of: 1 },
				{ ref: 2, code: 'batch_repeat', of: 1 }
			]
		});
	});

	it('sets aside a file for another member and this device’s own file', () => {
		const files = [
			file(0, { changes: delta(0, 3, 'member:m-other/mine:m-a') }),
			file(1, { changes: delta(0, 3, 'member:m-me/mine:m-a') }),
			file(2, { deviceId: 'dev-me' }),
			file(3, { changes: delta(0, 3, 'lead/mine:m-a') })
		];
		expect(planBatch(files, me)).toEqual({
			order: [3, 1],
			refused: [
				{ ref: 0, code: 'batch_wrong_recipient' },
				{ ref: 2, code: 'batch_own_file' }
			]
		});
	});

	it('reads the recipient of an exchange key', () => {
		expect(fileRecipient('member:m1/mine:m2')).toBe('m1');
		expect(fileRecipient('member:m1')).toBe('m1');
		expect(fileRecipient('team/all')).toBeNull();
		expect(fileRecipient(undefined)).toBeNull();
	});
});

/**
 * Laws over random batches of up to 25 files from 3 senders, with repeats (the same bytes chosen
 * twice or more), files for other members and this device's own files, chosen in any order.
 */
const RUNS = 1000;
const fileArb = fc.record({
	sender: fc.constantFrom('dev-a', 'dev-b', 'dev-c', 'dev-me'),
	key: fc.constantFrom('team/all', 'lead/mine:x', 'member:m-me/all', 'member:m-x/all', ''),
	after: fc.nat({ max: 50 }),
	len: fc.nat({ max: 20 }),
	at: fc.nat({ max: 10 })
});
/** Distinct files, copies of some of them (cut short or whole), all shuffled. */
const batchArb = fc.array(fileArb, { minLength: 1, maxLength: 12 }).chain((distinct) =>
	fc
		.array(fc.record({ of: fc.nat({ max: distinct.length - 1 }), cut: fc.boolean() }), {
			maxLength: 13
		})
		.map((copies) => [...distinct.map((_, of) => ({ of, cut: false })), ...copies])
		.chain((picks) => fc.shuffledSubarray(picks, { minLength: picks.length }))
		.map((picks) =>
			picks.map(({ of, cut }, ref): BatchFile => {
				const f = distinct[of]!;
				return {
					ref,
					checksum: `c${of}`,
					size: cut ? 50 : 100,
					deviceId: f.sender,
					exportedAt: f.at,
					...(f.key
						? { changes: { key: f.key, after: f.after, upTo: f.after + f.len, full: !f.after } }
						: {})
				};
			})
		)
);

const checksumsOf = (files: readonly BatchFile[], refs: readonly number[]) =>
	refs.map((r) => files.find((f) => f.ref === r)!.checksum);

describe('planBatch laws', () => {
	it('every file is applied or set aside, once; each content applies at most once', () => {
		let repeats = 0;
		fc.assert(
			fc.property(batchArb, (files) => {
				const plan = planBatch(files, me);
				const all = [...plan.order, ...plan.refused.map((r) => r.ref)].sort((a, b) => a - b);
				expect(all).toEqual(files.map((f) => f.ref).sort((a, b) => a - b));
				const sums = checksumsOf(files, plan.order);
				expect(new Set(sums).size).toBe(sums.length);
				for (const r of plan.refused)
					if (r.code === 'batch_repeat' || r.code === 'batch_cut_copy') {
						repeats++;
						const [copy, kept] = [r.ref, r.of!].map((ref) => files.find((f) => f.ref === ref)!);
						expect(copy!.size).toBeLessThanOrEqual(kept!.size);
						expect(checksumsOf(files, [r.of!])).toEqual(checksumsOf(files, [r.ref]));
						expect(plan.order).toContain(r.of);
					}
			}),
			{ numRuns: RUNS }
		);
		expect(repeats).toBeGreaterThan(RUNS / 10);
	});

	it('the order applied depends on the files, not on the order chosen', () => {
		fc.assert(
			fc.property(
				batchArb.chain((files) =>
					fc.tuple(
						fc.constant(files),
						fc.shuffledSubarray(files, {
							minLength: files.length
						})
					)
				),
				([files, shuffled]) => {
					const a = planBatch(files, me);
					const b = planBatch(shuffled, me);
					expect(checksumsOf(shuffled, b.order)).toEqual(checksumsOf(files, a.order));
				}
			),
			{ numRuns: RUNS }
		);
	});

	it('a sender’s files of one exchange apply in the order of their changes', () => {
		fc.assert(
			fc.property(batchArb, (files) => {
				const plan = planBatch(files, me);
				const applied = plan.order.map((r) => files.find((f) => f.ref === r)!);
				for (let i = 1; i < applied.length; i++) {
					const [p, f] = [applied[i - 1]!, applied[i]!];
					if (p.deviceId !== f.deviceId || p.changes?.key !== f.changes?.key) continue;
					expect(p.changes?.after ?? 0).toBeLessThanOrEqual(f.changes?.after ?? 0);
				}
				for (const f of applied) {
					expect(f.deviceId).not.toBe(me.deviceId);
					expect(fileRecipient(f.changes?.key) ?? me.memberId).toBe(me.memberId);
				}
			}),
			{ numRuns: RUNS }
		);
	});
});
