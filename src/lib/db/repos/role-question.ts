import type { MemberRole } from '$lib/domain/member/member';
import { getSession, updateMyProfile } from '../session';
import { readSetting, writeSetting } from './local-settings';

/**
 * The first start's question: "I am an account manager / I lead the operations center". Asked
 * until it is answered or skipped (this device's setting, not the team's), never in the way:
 * the answer only sets this device's member's role, which Settings › Profile changes at any time.
 */
const ASKED_KEY = 'roleQuestion';

/** Whether to ask: never answered nor skipped here, and the role never set by hand. */
export async function roleQuestionDue(): Promise<boolean> {
	if ((await readSetting<string>(ASKED_KEY)) !== undefined) return false;
	const { member } = await getSession();
	return member.role === 'manager' && !member._meta.fields?.role;
}

/** The answer: this device's member takes the role; null is "skip", which changes nothing. */
export async function answerRoleQuestion(role: MemberRole | null): Promise<void> {
	if (role !== null) {
		const { member } = await getSession();
		await updateMyProfile({ name: member.name, role });
	}
	await writeSetting(ASKED_KEY, role ?? 'skipped');
}

/** A role saved in Settings answers the question too. */
export async function noteRoleChosen(): Promise<void> {
	await writeSetting(ASKED_KEY, 'settings');
}
