import { tick } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import type { FieldError } from '$lib/domain/shared/types';
import { t } from '$lib/i18n/i18n.svelte';
import { busy } from '$lib/pwa/busy.svelte';
import { saveFailure, type SaveFailure } from './save-failure';

/** What a control spreads on itself to be named by its label and described by hint and error. */
export interface FieldControl {
	id: string;
	'aria-describedby': string | undefined;
	'aria-invalid': 'true' | undefined;
}

/** One line of the error summary: it links to the control (by id) when the field is on screen. */
export interface SummaryItem {
	field: string;
	text: string;
	target: string | null;
}

/** What takes the focus after a refused save (the summary, or a field). */
interface Focusable {
	focus(): void;
}

let forms = 0;

/**
 * The state every form shares: the errors of the last refused save (each translated by the
 * record's own `errorText`), the summary's title, the saving flag, and the busy token held while
 * the form is dirty so that an app update never reloads the page mid-edit.
 *
 * Errors are set only by a submit and stay until the next one, so every form checks at the same
 * moment. A refused submit moves the focus to the error summary, or, in a form without one, to
 * the first invalid field.
 */
export class FormState {
	errors = $state.raw<FieldError[]>([]);
	message = $state('');
	saving = $state(false);
	/** Prefix of the ids of this form's controls, their hints and errors. */
	readonly id = `form-${++forms}`;
	/** The fields whose control is on screen, with their labels, as the fields registered. */
	readonly #labels = new SvelteMap<string, string>();
	readonly #errorText: (code: string) => string;
	#summary: Focusable | null = null;
	#release: (() => void) | null = null;

	constructor(errorText: (code: string) => string) {
		this.#errorText = errorText;
	}

	/** Whether the last submit was refused (the summary shows). */
	get failed(): boolean {
		return this.errors.length > 0 || this.message !== '';
	}

	touched = (): void => {
		this.#release ??= busy.begin('edit');
	};

	settle = (): void => {
		this.#release?.();
		this.#release = null;
	};

	errorOf = (field: string): string | null => {
		const e = this.errors.find((x) => x.field === field);
		return e ? this.#errorText(e.code) : null;
	};

	idOf = (field: string): string => `${this.id}-${field.replace(/[^\w-]/g, '-')}`;
	errorIdOf = (field: string): string => `${this.idOf(field)}-error`;
	hintIdOf = (field: string): string => `${this.idOf(field)}-hint`;

	/** The attributes of a field's control; `hint` when the field shows one (`hintIdOf`). */
	control = (field: string, hint = false): FieldControl => {
		const invalid = this.errorOf(field) !== null;
		const described = [hint ? this.hintIdOf(field) : '', invalid ? this.errorIdOf(field) : '']
			.filter(Boolean)
			.join(' ');
		return {
			id: this.idOf(field),
			'aria-describedby': described || undefined,
			'aria-invalid': invalid ? 'true' : undefined
		};
	};

	/**
	 * Registers a field as on screen while the element it is attached to is (`{@attach
	 * form.field(name, label)}`), so that the summary links to it and names it.
	 */
	field = (name: string, label: string) => (): (() => void) => {
		this.#labels.set(name, label);
		return () => this.#labels.delete(name);
	};

	/** The errors as the summary lists them, in the order the validation gave them. */
	get summary(): SummaryItem[] {
		return this.errors.map((e) => {
			const error = this.#errorText(e.code);
			const label = this.#labels.get(e.field);
			return {
				field: e.field,
				text: label ? t('common.form_error_item', { field: label, error }) : error,
				target: label === undefined ? null : this.idOf(e.field)
			};
		});
	}

	/** Attached to the error summary: it takes the focus after a refused submit. */
	summaryTarget = (el: Focusable): (() => void) => {
		this.#summary = el;
		return () => {
			if (this.#summary === el) this.#summary = null;
		};
	};

	/** Focuses a field's control (a summary link was followed). */
	focusField = (field: string): void => {
		document.getElementById(this.idOf(field))?.focus();
	};

	/** Shows a refusal: the errors by their fields, the summary, and the focus on it. */
	async refuse(errors: FieldError[], message: string): Promise<void> {
		this.errors = errors;
		this.message = message;
		await tick();
		if (this.#summary) this.#summary.focus();
		else {
			const first = errors.find((e) => this.#labels.has(e.field));
			if (first) this.focusField(first.field);
		}
	}

	/**
	 * Runs a save: on success the form is clean and its errors gone; a refusal (a thrown
	 * `ValidationFailed`, or any error `failureOf` describes) is shown with `refuse`.
	 */
	async run(
		save: () => Promise<void>,
		failureOf: (err: unknown) => SaveFailure = saveFailure
	): Promise<boolean> {
		if (this.saving) return false;
		this.saving = true;
		try {
			await save();
			this.errors = [];
			this.message = '';
			this.settle();
			return true;
		} catch (err) {
			const f = failureOf(err);
			await this.refuse(f.errors, f.message);
			return false;
		} finally {
			this.saving = false;
		}
	}
}
