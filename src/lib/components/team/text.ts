import type { LadderLevel } from '$lib/domain/growth/ladder-level';
import type { Member } from '$lib/domain/member/member';
import { refusalText as refusal } from '$lib/components/ui/form/save-failure';
import { MEMBER_STATUSES, type MemberStatus } from '$lib/domain/team/dated';
import type { MemberFactKind } from '$lib/domain/team/member-fact';
import { errorText, t } from '$lib/i18n/i18n.svelte';

/** A validation code of the roster, its facts, the ladder or a hand-over. */
export const teamErrorText = (code: string): string => errorText('team', code);

/** What a refused action (a button, not a form) says: its first code's message, else a generic one. */
export const refusalText = (e: unknown): string => refusal(e, teamErrorText);

const isStatus = (s: string): s is MemberStatus =>
	(MEMBER_STATUSES as readonly string[]).includes(s);

/** A status, also one a newer version wrote (read as unknown). */
export const statusText = (s: string): string =>
	isStatus(s) ? t(`team.status_${s}`) : t('team.status_unknown');

export const factKindText = (k: MemberFactKind): string => t(`team.kind_${k}`);

/** A level by id: its name, also once removed from the ladder; '—' for none. */
export function levelName(levels: readonly LadderLevel[], id: string | null): string {
	if (id === null) return t('team.none');
	return levels.find((l) => l.id === id)?.name ?? t('team.level_unknown');
}

/** A member's name as the team pages show it: "Me" for this device's unnamed member. */
export function shownName(m: Pick<Member, 'id' | 'name'>, me: string): string {
	return m.name || (m.id === me ? t('customers.owner_me') : t('customers.owner_unknown'));
}

/** A member by id; 'nobody' for null (the top of the team). */
export function memberName(members: readonly Member[], id: string | null, me = ''): string {
	if (id === null) return t('team.reports_to_nobody');
	const m = members.find((x) => x.id === id);
	return m ? shownName(m, me) : t('team.member_unknown');
}
