import type { Customer } from '$lib/domain/customer/customer';
import {
	defaultChoices,
	differingFields,
	planMerge,
	UNION,
	type FieldChoice,
	type ListField,
	type MergeField
} from '$lib/domain/customer/merge-plan';

/**
 * The merge form of one group: which records take part, which one is kept, and the user's choice
 * per field. Only explicit choices are held; the rest follow defaultChoices, so unticking a record
 * or keeping another one never leaves a choice pointing at a record outside the merge.
 */
export class MergeState {
	/** Set once by the constructor: the records the form was opened with. */
	records = $state.raw<readonly Customer[]>([]);
	included = $state<string[]>([]);
	survivorId = $state('');
	#picked = $state<Partial<Record<MergeField, FieldChoice>>>({});

	constructor(records: readonly Customer[]) {
		this.records = records;
		this.included = records.map((r) => r.id);
		// The oldest record by default: its id is the one most likely linked from elsewhere.
		const oldest = [...records].sort((a, b) => a.createdAt - b.createdAt)[0];
		this.survivorId = oldest?.id ?? '';
	}

	chosen = $derived(this.records.filter((r) => this.included.includes(r.id)));
	fields = $derived(differingFields(this.chosen));

	/** The choice per field, as shown and as sent to the merge. */
	choices = $derived.by(() => {
		const out = defaultChoices(this.chosen, this.survivorId);
		for (const [f, choice] of Object.entries(this.#picked) as [MergeField, FieldChoice][])
			if (choice === UNION || this.included.includes(choice)) out[f] = choice;
		return out;
	});

	/** What "all of them" would keep for a list field (the planner's union, in its order). */
	unionOf(field: ListField): string[] {
		const plan = planMerge(this.chosen, this.survivorId, { ...this.choices, [field]: UNION });
		return plan.ok ? plan.draft[field] : [];
	}

	pick(field: MergeField, choice: FieldChoice): void {
		this.#picked = { ...this.#picked, [field]: choice };
	}

	include(id: string, on: boolean): void {
		this.included = on
			? this.records.filter((r) => r.id === id || this.included.includes(r.id)).map((r) => r.id)
			: this.included.filter((x) => x !== id);
		if (!this.included.includes(this.survivorId)) this.survivorId = this.included[0] ?? '';
	}

	keep(id: string): void {
		if (!this.included.includes(id)) this.include(id, true);
		this.survivorId = id;
	}

	/** Number of a record as shown (1-based, in the group's order). */
	numberOf(id: string): number {
		return this.records.findIndex((r) => r.id === id) + 1;
	}

	get otherIds(): string[] {
		return this.included.filter((id) => id !== this.survivorId);
	}
}
