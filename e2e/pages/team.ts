import { expect, type Locator, type Page } from '@playwright/test';
import { nav } from '../support/app';

/** Page models for the team pages, in English (tests use the en-US browser locale). */

/** Answers the first start's question on Home. */
export async function chooseRole(page: Page, answer: 'manager' | 'lead' | 'skip'): Promise<void> {
	await page.goto('/');
	const question = page.getByTestId('role-question');
	// In either language the test's browser speaks.
	const name = {
		manager: /^(I am an account manager|我是客户经理)$/,
		lead: /^(I lead the operations center|我负责营运中心)$/,
		skip: /^(Skip|跳过)$/
	}[answer];
	await question.getByRole('button', { name }).click();
	await expect(question).toHaveCount(0);
}

export function teamLink(page: Page): Locator {
	return nav(page).getByRole('link', { name: 'Team' });
}

export interface NewMember {
	name: string;
	phone?: string;
	email?: string;
	region?: string;
	start?: string;
	level?: string;
	reportsTo?: string;
	from?: string;
}

export class RosterPage {
	readonly form: Locator;
	readonly table: Locator;
	constructor(readonly page: Page) {
		this.form = page.getByRole('form', { name: 'Add a member' });
		this.table = page.getByTestId('roster');
	}
	async goto(): Promise<void> {
		await this.page.goto('/team');
		await expect(this.page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
		await expect(this.form).toBeVisible();
	}
	async add(m: NewMember): Promise<void> {
		const f = this.form;
		await f.getByLabel('Name', { exact: true }).fill(m.name);
		await f.getByLabel('Phone', { exact: true }).fill(m.phone ?? '');
		await f.getByLabel('Email', { exact: true }).fill(m.email ?? '');
		await f.getByLabel('Region', { exact: true }).fill(m.region ?? '');
		await f.getByLabel('Start date', { exact: true }).fill(m.start ?? '2024-01-01');
		if (m.level) await f.getByLabel('Level', { exact: true }).selectOption({ label: m.level });
		if (m.reportsTo)
			await f.getByLabel('Reports to', { exact: true }).selectOption({ label: m.reportsTo });
		if (m.from) await f.getByLabel('In force from', { exact: true }).fill(m.from);
		await f.getByRole('button', { name: 'Add member' }).click();
	}
	row(name: string): Locator {
		return this.table.locator(`tr[data-member="${name}"]`);
	}
	cell(name: string, col: 'level' | 'reports-to' | 'status'): Locator {
		return this.row(name).locator(`[data-col="${col}"]`);
	}
	async asOf(date: string): Promise<void> {
		await this.page.getByLabel('As of', { exact: true }).fill(date);
	}
	async open(name: string): Promise<MemberPage> {
		await this.row(name).getByRole('link', { name }).click();
		await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
		return new MemberPage(this.page);
	}
}

export class MemberPage {
	readonly change: Locator;
	readonly history: Locator;
	readonly handOver: Locator;
	constructor(readonly page: Page) {
		this.change = page.getByRole('form', { name: 'Change from a date' });
		this.history = page.getByTestId('member-history');
		this.handOver = page.getByRole('form', { name: 'Hand over their work' });
	}
	/** Sets a level, manager or status from a date. */
	async set(kind: 'Level' | 'Reports to' | 'Status', value: string, from: string): Promise<void> {
		const f = this.change;
		await f.getByLabel('What changes').selectOption({ label: kind });
		await f.getByLabel(kind, { exact: true }).selectOption({ label: value });
		await f.getByLabel('From', { exact: true }).fill(from);
		await f.getByRole('button', { name: 'Save change' }).click();
	}
}

/** Sets up the usual three levels from the ladder page. */
export async function startUsualLadder(page: Page): Promise<void> {
	await page.goto('/team/levels');
	await page.getByRole('button', { name: 'Start with the usual ladder' }).click();
	await expect(page.getByTestId('ladder').getByRole('listitem')).toHaveCount(3);
}
