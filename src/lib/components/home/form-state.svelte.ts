import { tick } from 'svelte';
import { saveFailure } from '$lib/components/customer/save-errors';
import type { FieldError } from '$lib/domain/shared/types';
import { busy } from '$lib/pwa/busy.svelte';

/**
 * What every form of the record pages shares: field errors from a refused save (translated next
 * to their field by the record's own `errorText`), a form-level message, the saving flag, and
 * the busy token held while the form is dirty so an app update never reloads the page mid-edit.
 */
export class FormState {
	errors = $state.raw<FieldError[]>([]);
	message = $state('');
	saving = $state(false);
	#release: (() => void) | null = null;
	readonly #errorText: (code: string) => string;

	constructor(errorText: (code: string) => string) {
		this.#errorText = errorText;
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

	/**
	 * Runs a save: on success the form is clean; on refusal the errors show and the first invalid
	 * control (inside `form`) takes the focus.
	 */
	async run(form: HTMLElement | undefined, save: () => Promise<void>): Promise<boolean> {
		if (this.saving) return false;
		this.saving = true;
		try {
			await save();
			this.errors = [];
			this.message = '';
			this.settle();
			return true;
		} catch (err) {
			const f = saveFailure(err);
			this.errors = f.errors;
			this.message = f.message;
			await tick();
			form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
			return false;
		} finally {
			this.saving = false;
		}
	}
}
