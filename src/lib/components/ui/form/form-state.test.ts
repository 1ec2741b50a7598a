import { afterEach, describe, expect, it, vi } from 'vitest';
import { ValidationFailed } from '$lib/db/errors';
import { i18n, t } from '$lib/i18n/i18n.svelte';
import { busy } from '$lib/pwa/busy.svelte';
import { FormState } from './form-state.svelte';

const text = (code: string) => `text of ${code}`;
const refused = () => Promise.reject(new ValidationFailed([{ field: 'title', code: 'required' }]));
const full = () => Promise.reject(Object.assign(new Error('full'), { name: 'QuotaExceededError' }));

function summaryProbe(f: FormState) {
	const focus = vi.fn();
	f.summaryTarget({ focus });
	return focus;
}

afterEach(() => {
	vi.unstubAllGlobals();
	i18n.setLocale('en');
});

describe('FormState', () => {
	it('clears the errors and releases the busy token after a save', async () => {
		const f = new FormState(text);
		f.touched();
		expect(busy.active).toBe(true);
		expect(await f.run(refused)).toBe(false);
		expect(busy.active).toBe(true);
		expect(await f.run(() => Promise.resolve())).toBe(true);
		expect(f.errors).toEqual([]);
		expect(f.message).toBe('');
		expect(f.failed).toBe(false);
		expect(busy.active).toBe(false);
	});

	it('shows a validation refusal by field, titles the summary and focuses it', async () => {
		i18n.setLocale('en');
		const f = new FormState(text);
		const focus = summaryProbe(f);
		expect(await f.run(refused)).toBe(false);
		expect(f.errorOf('title')).toBe('text of required');
		expect(f.errorOf('other')).toBeNull();
		expect(f.message).toBe(t('common.form_has_errors'));
		expect(f.failed).toBe(true);
		expect(f.saving).toBe(false);
		expect(focus).toHaveBeenCalledOnce();
	});

	it('shows a storage failure as the summary title, with no field errors', async () => {
		i18n.setLocale('en');
		const f = new FormState(text);
		summaryProbe(f);
		expect(await f.run(full)).toBe(false);
		expect(f.errors).toEqual([]);
		expect(f.message).toMatch(/storage is full/);
		expect(f.failed).toBe(true);
	});

	it('describes a failure with the form’s own words when given', async () => {
		const f = new FormState(text);
		summaryProbe(f);
		await f.run(full, () => ({ errors: [], message: 'merge refused' }));
		expect(f.message).toBe('merge refused');
	});

	it('keeps the errors until the next submit, whatever is typed meanwhile', async () => {
		const f = new FormState(text);
		summaryProbe(f);
		await f.run(refused);
		f.touched();
		expect(f.errorOf('title')).toBe('text of required');
		f.settle();
	});

	it('runs one save at a time', async () => {
		const f = new FormState(text);
		let finish = () => {};
		const first = f.run(() => new Promise<void>((resolve) => (finish = resolve)));
		const second = vi.fn(() => Promise.resolve());
		expect(await f.run(second)).toBe(false);
		expect(second).not.toHaveBeenCalled();
		expect(f.saving).toBe(true);
		finish();
		expect(await first).toBe(true);
		expect(f.saving).toBe(false);
	});

	it('wires a control to its hint and error with ids of its own form', async () => {
		const f = new FormState(text);
		const g = new FormState(text);
		expect(f.idOf('title')).not.toBe(g.idOf('title'));
		expect(f.idOf('phones.0')).toMatch(/^[\w-]+$/);
		expect(f.control('title')).toEqual({
			id: f.idOf('title'),
			'aria-describedby': undefined,
			'aria-invalid': undefined
		});
		expect(f.control('title', true)['aria-describedby']).toBe(f.hintIdOf('title'));
		summaryProbe(f);
		await f.run(refused);
		expect(f.control('title', true)).toEqual({
			id: f.idOf('title'),
			'aria-describedby': `${f.hintIdOf('title')} ${f.errorIdOf('title')}`,
			'aria-invalid': 'true'
		});
		expect(f.control('notes')['aria-invalid']).toBeUndefined();
	});

	it('links a summary line to its field only while the field is on screen', async () => {
		i18n.setLocale('en');
		const f = new FormState(text);
		summaryProbe(f);
		await f.run(() =>
			Promise.reject(
				new ValidationFailed([
					{ field: 'title', code: 'required' },
					{ field: 'ownerId', code: 'owner_required' }
				])
			)
		);
		expect(f.summary).toEqual([
			{ field: 'title', text: 'text of required', target: null },
			{ field: 'ownerId', text: 'text of owner_required', target: null }
		]);
		const leave = f.field('title', 'Deal')();
		expect(f.summary[0]).toEqual({
			field: 'title',
			text: 'Deal: text of required',
			target: f.idOf('title')
		});
		i18n.setLocale('zh-CN');
		expect(f.summary[0]?.text).toBe('Deal：text of required');
		leave();
		expect(f.summary[0]?.target).toBeNull();
	});

	it('without a summary, focuses the first invalid field on screen', async () => {
		const focus = vi.fn();
		const getElementById = vi.fn(() => ({ focus }));
		vi.stubGlobal('document', { getElementById });
		const f = new FormState(text);
		f.field('title', 'Deal')();
		await f.run(() =>
			Promise.reject(
				new ValidationFailed([
					{ field: 'hidden', code: 'required' },
					{ field: 'title', code: 'required' }
				])
			)
		);
		expect(getElementById).toHaveBeenCalledExactlyOnceWith(f.idOf('title'));
		expect(focus).toHaveBeenCalledOnce();
	});
});
