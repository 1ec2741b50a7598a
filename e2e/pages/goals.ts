import { expect, type Locator, type Page } from '@playwright/test';

/** The goals a member's page shows, and the lead's form there (English labels). */
export class MemberGoals {
	readonly list: Locator;
	readonly form: Locator;
	constructor(readonly page: Page) {
		this.list = page.getByTestId('member-goals');
		this.form = page.getByRole('form', { name: /^(Set a goal|Edit the goal)$/ });
	}
	/** The period of the goals set next (the form keeps it between goals). */
	async period(kind: 'Month' | 'Quarter' | 'Year', month: string): Promise<void> {
		await this.form.getByLabel('Period', { exact: true }).selectOption({ label: kind });
		await this.form.getByLabel('Starting month').fill(month);
	}
	/** Fills the form; `entered` is the market share typed by hand (only for that metric). */
	async fill(metric: string, target: string, entered?: string): Promise<void> {
		const f = this.form;
		await f.getByLabel('Metric', { exact: true }).selectOption({ label: metric });
		await f.getByLabel('Target', { exact: true }).fill(target);
		if (entered !== undefined) await f.getByLabel('Market share now (%)').fill(entered);
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
