import { expect, type Locator, type Page } from '@playwright/test';

/** Page models for the customer pages, in English (tests use the en-US browser locale). */
export interface NewCustomer {
	name: string;
	phones?: string[];
	emails?: string[];
	kind?: 'Person' | 'Company';
	city?: string;
	tier?: 'A' | 'B' | 'C';
}

export class CustomerListPage {
	readonly grid: Locator;
	readonly search: Locator;
	constructor(readonly page: Page) {
		this.grid = page.getByRole('grid', { name: 'Customer list' });
		this.search = page.getByRole('searchbox', { name: 'Search customers' });
	}
	async goto(): Promise<void> {
		await this.page.goto('/customers');
		await expect(this.page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
	}
	/** Data rows only (the header row has column headers, not grid cells). */
	rows(): Locator {
		return this.grid.getByRole('row').filter({ has: this.page.getByRole('gridcell') });
	}
	row(name: string): Locator {
		return this.rows().filter({ hasText: name });
	}
	count(): Locator {
		return this.page.getByRole('status').filter({ hasText: /customers?$/ });
	}
}

export class CustomerFormPage {
	constructor(readonly page: Page) {}
	async gotoNew(): Promise<void> {
		await this.page.goto('/customers/new');
		await expect(this.page.getByRole('form', { name: 'Customer details' })).toBeVisible();
	}
	async fill(c: NewCustomer): Promise<void> {
		const p = this.page;
		if (c.kind) await p.getByRole('radio', { name: c.kind }).check();
		await p.getByLabel('Name', { exact: true }).fill(c.name);
		for (const [i, phone] of (c.phones ?? []).entries()) {
			await p.getByRole('button', { name: 'Add phone' }).click();
			await p.getByLabel(`Phone ${i + 1}`, { exact: true }).fill(phone);
		}
		for (const [i, email] of (c.emails ?? []).entries()) {
			await p.getByRole('button', { name: 'Add email' }).click();
			await p.getByLabel(`Email ${i + 1}`, { exact: true }).fill(email);
		}
		if (c.city !== undefined) await p.getByLabel('City', { exact: true }).fill(c.city);
		if (c.tier) await p.getByLabel('Tier').selectOption(c.tier);
	}
	async save(): Promise<void> {
		await this.page.getByRole('button', { name: 'Save', exact: true }).click();
	}
	/** Fills and saves a new customer; waits for its detail page and returns its id. */
	async create(c: NewCustomer): Promise<string> {
		await this.gotoNew();
		await this.fill(c);
		await this.save();
		await this.page.waitForURL(/\/customers\/(?!new)[^/]+$/);
		await expect(this.page.getByRole('heading', { level: 1, name: c.name })).toBeVisible();
		return this.page.url().split('/').pop() ?? '';
	}
}

/** Creates a customer through the form (with a tier, when given); returns its id. */
export function createCustomer(page: Page, name: string, tier?: NewCustomer['tier']) {
	return new CustomerFormPage(page).create({ name, tier });
}

/** Picks a customer in a CustomerPicker (the deal, ticket and task forms) by typing its name. */
export async function pickCustomer(scope: Page | Locator, name: string): Promise<void> {
	await scope.getByLabel('Find a customer').fill(name);
	await expect(scope.getByLabel('Customer', { exact: true })).toHaveValue(/.+/);
}

export class CustomerDetailPage {
	readonly timeline: Locator;
	constructor(readonly page: Page) {
		this.timeline = page.getByRole('list', {
			name: 'Everything about this customer, newest first'
		});
	}
	async goto(id: string): Promise<void> {
		await this.page.goto(`/customers/${id}`);
	}
	/** A value of the read-only profile, by its label ("Stage", "Source channel" …). */
	profileValue(label: string): Locator {
		return this.page
			.locator('section.profile dt', { hasText: new RegExp(`^${label}$`) })
			.locator('+ dd');
	}
	async edit(): Promise<void> {
		await this.page.getByRole('button', { name: 'Edit', exact: true }).click();
	}
	/** Opens the customer, changes its city and waits until the profile shows it. */
	async setCity(id: string, city: string): Promise<void> {
		await this.goto(id);
		await this.edit();
		await this.page.getByLabel('City', { exact: true }).fill(city);
		await new CustomerFormPage(this.page).save();
		await expect(this.page.getByRole('region', { name: 'Profile' })).toContainText(city);
	}
	async moveToTrash(): Promise<void> {
		await this.page.getByRole('button', { name: 'Move to trash' }).click();
		const dialog = this.page.getByRole('dialog');
		await expect(dialog).toBeVisible();
		await dialog.getByRole('button', { name: 'Move to trash' }).click();
	}
	async logContact(o: { type: string; summary: string; outcome?: string; followUp?: string }) {
		const form = this.page.getByRole('form', { name: 'Log contact' });
		await form.getByLabel('Type').selectOption({ label: o.type });
		await form.getByLabel('Summary').fill(o.summary);
		if (o.outcome) await form.getByLabel('Outcome').fill(o.outcome);
		if (o.followUp) await form.getByLabel('Next follow-up').fill(o.followUp);
		await form.getByRole('button', { name: 'Log contact' }).click();
	}
}
