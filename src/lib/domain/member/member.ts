import type { Synced } from '../../sync/stamp';
import type { IsoDate } from '../shared/types';

export const MEMBER_ROLES = ['manager', 'ops_lead'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/**
 * A person on the team: an account manager (客户经理) or an operations lead (营运中心). Their
 * level, who they report to and whether they are active are dated records of their own
 * (domain/team/member-fact.ts), so that a change never rewrites a past period.
 */
export interface Member extends Synced {
	name: string;
	role: MemberRole;
	email: string;
	/** Stored as E.164 (domain/customer/phone.ts), '' when not given. */
	phone: string;
	/** The sales region or branch the member covers (华东, 深圳分公司 …), free text. */
	region: string;
	/** First day with the team, '' when not given. */
	startDate: IsoDate;
	trashedAt: number | null;
	demo?: boolean;
}

/** The data of a member known only by name (a first start, a teammate named in a file). */
export function blankMember(name: string, role: MemberRole): Omit<Member, 'id' | '_meta' | 'demo'> {
	return { name, role, email: '', phone: '', region: '', startDate: '', trashedAt: null };
}

/**
 * A stored member with every field of this version: one stored before its phone, region and start
 * date existed (or merged from a file of such a version) lacks them, and reads them as ''.
 */
export function withMemberDefaults(m: Member): Member {
	const text = (v: unknown) => (typeof v === 'string' ? v : '');
	return { ...m, phone: text(m.phone), region: text(m.region), startDate: text(m.startDate) };
}
