import type { MemberRole } from '$lib/domain/member/member';
import { authorsOfChange, screenLeadRecord, type PayAsideEntry } from '$lib/domain/pay/screen';
import type { Id } from '$lib/domain/shared/types';
import type { SyncRecord } from '$lib/sync/merge';
import type { RapportDB } from '../schema';
import type { SnapshotContext } from './snapshot-context';

/**
 * The lead's pay records are the lead's to write: plans, closes, statements, adjustments, team
 * bonuses, contests and standings. On the lead's device, a version of one that a manager's file
 * brings with a manager's edit is set aside before the merge (domain/pay/screen.ts), kept in
 * `payAside` and listed on the lead's pay page, instead of winning by its later stamp. A closed
 * statement is write-once on every device: a different version of it is set aside anywhere.
 */
export const LEAD_PAY_TABLES: ReadonlySet<string> = new Set([
	'payPlans',
	'payCloses',
	'payStatements',
	'payAdjustments',
	'payTeamBonuses',
	'contests',
	'contestStandings'
]);

type Row = SyncRecord & Record<string, unknown>;

export class PayScreen {
	readonly #entries: PayAsideEntry[] = [];
	#lead = false;
	#roles = new Map<Id, MemberRole>();

	constructor(
		readonly ctx: SnapshotContext,
		readonly importId: string,
		readonly now: number
	) {}

	/** Before the first batch, in the transaction: whose device this is, and the roles known. */
	async start(): Promise<void> {
		const members = await this.ctx.db.members.toArray();
		this.#roles = new Map(members.map((m) => [m.id, m.role]));
		this.#lead = this.#roles.get(this.ctx.session.member.id) === 'ops_lead';
	}

	/**
	 * Whether the incoming version is set aside (then the merge skips it). An author this device
	 * does not know as the lead counts as a manager: on the lead's device, only the lead's own
	 * writes change the lead's records.
	 */
	setAside(table: string, local: Row | undefined, incoming: Row): boolean {
		if (!LEAD_PAY_TABLES.has(table)) return false;
		const authors = authorsOfChange(local ?? null, incoming);
		let role: MemberRole | null = null;
		if (authors.length > 0) {
			const allLead = authors.every((a) => this.#roles.get(a) === 'ops_lead');
			// Elsewhere than the lead's device, only the write-once rule applies.
			role = allLead || !this.#lead ? 'ops_lead' : 'manager';
		}
		const v = screenLeadRecord(local ?? null, incoming, role);
		if (v.verdict === 'accept') return false;
		this.#entries.push({
			id: `${table}:${incoming.id}:${this.importId}`,
			table,
			recordId: incoming.id,
			reason: v.reason,
			authors,
			record: incoming,
			importId: this.importId,
			at: this.now
		});
		return true;
	}

	/** Keeps what was set aside, in the merge's transaction (which must include `payAside`). */
	async write(d: RapportDB): Promise<void> {
		if (this.#entries.length > 0) await d.payAside.bulkPut(this.#entries);
	}
}
