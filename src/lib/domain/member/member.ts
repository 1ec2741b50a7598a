import type { Synced } from '../../sync/stamp';

export const MEMBER_ROLES = ['manager', 'ops_lead'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** A person on the team: an account manager (客户经理) or an operations lead (营运中心). */
export interface Member extends Synced {
	name: string;
	role: MemberRole;
	email: string;
	trashedAt: number | null;
	demo?: boolean;
}
