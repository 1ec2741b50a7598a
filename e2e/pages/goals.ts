import { expect, type Locator, type Page } from '@playwright/test';

/** The goals a member's page shows, and the lead's form there (English labels). */
export class MemberGoals {
	readonly list: Locator;
	readonly form: Locator;
	constructor(readonly page: Page) {
		this.list = page.getByTestId('member-goals');
		this.form = page.getByRole('form', { name: /^(Set a goal|Edit the goal)$/ });
	}
	/** Fills the form; `entered` is the market share typed by hand (only for that metric). */
	async fill(g: {
		metric: string;
		period: 'Month' | 'Quarter' | 'Year';
		month: string;
		target: string;
		entered?: string;
	}): Promise<void> {
		const f = this.form;
		await f.getByLabel('Metric', { exact: true }).selectOption({ label: g.metric });
		await f.getByLabel('Period', { exact: true }).selectOption({ label: g.period });
		await f.getByLabel('Starting month').fill(g.month);
		await f.getByLabel('Target', { exact: true }).fill(g.target);
		if (g.entered !== undefined) await f.getByLabel('Market share now (%)').fill(g.entered);
	}
	async submit(): Promise<void> {
		await this.form.getByRole('button', { name: /^(Add goal|Save goal)$/ }).click();
	}
	card(metric: string): Locator {
		return this.list
			.getByTestId('goal')
			.filter({ has: this.page.getByRole('heading', { level: 3, name: metric, exact: true }) });
	}
	/** The summary at the top of the form after a refusal. */
	errors(): Locator {
		return this.form.getByRole('group', { name: 'Please correct the following:' });
	}
	async expectCards(count: number): Promise<void> {
		await expect(this.list.getByTestId('goal')).toHaveCount(count);
	}
}
