import { validateTrainingRecord, type TrainingRecord } from '$lib/domain/growth/training';
import type { StoredTrainingRecord } from '$lib/domain/growth/synced';
import { createRecord } from '$lib/sync/edit';
import { db } from '../db';
import { newId } from '../ids';
import { nextStamp } from '../session';
import { guarded } from '../write';
import { TRAINING_FIELD } from './courses';
import { editById } from './edit-by-id';
import { refuse } from './field-errors';

/** What is recorded when a member took a course: when, how long, the result, the certificate. */
export type TrainingRecordDraft = Omit<TrainingRecord, 'id' | 'trashedAt'>;

export const MAX_CERTIFICATE_NOTE = 1000;

/** A member's records, or everyone's when null; the newest first, trashed ones left out. */
export async function listTrainingRecords(
	memberId: string | null
): Promise<StoredTrainingRecord[]> {
	const table = db().trainingRecords;
	const list = await (memberId === null
		? table.toArray()
		: table.where('memberId').equals(memberId).toArray());
	return list
		.filter((r) => r.trashedAt === null)
		.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}

/** Records that a member took a course; refused for a removed course, bad hours or score. */
export async function createTrainingRecord(draft: TrainingRecordDraft): Promise<string> {
	const d = db();
	const value = { ...draft, certificateNote: draft.certificateNote.trim() };
	const stamp = await nextStamp();
	const id = newId();
	await guarded(() =>
		d.transaction('rw', [d.courses, d.trainingRecords], async () => {
			const courses = await d.courses.toArray();
			const errors: { field: string; code: string }[] = validateTrainingRecord(value, courses).map(
				(code) => ({
					field: TRAINING_FIELD[code],
					code
				})
			);
			if (!value.memberId) errors.push({ field: 'memberId', code: 'member_required' });
			if (value.certificateNote.length > MAX_CERTIFICATE_NOTE)
				errors.push({ field: 'certificateNote', code: 'note_too_long' });
			refuse(errors);
			await d.trainingRecords.add(
				createRecord<StoredTrainingRecord>(id, { ...value, trashedAt: null }, stamp)
			);
		})
	);
	return id;
}

export async function trashTrainingRecord(id: string): Promise<void> {
	await editById(db().trainingRecords, id, () => ({ trashedAt: Date.now() }));
}
