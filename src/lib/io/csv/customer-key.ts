/**
 * Links a row of an interaction log or an order history to a stored customer by the key the
 * file gives (`customerKey`): the customer's id, one of its emails, one of its phones, or its
 * name, tried in that order (strongest first). A key that matches nothing, or a name shared by
 * several customers (张伟 is common), rejects the row with a code rather than guessing.
 */
import type { PhoneResult } from '../../domain/customer/phone';
import { emailKey } from '../../domain/customer/email';
import { looseKey } from '../../domain/customer/company-key';

export type CustomerKeyCode = 'customer_not_found' | 'customer_ambiguous';

export type CustomerKeyResult = { ok: true; id: string } | { ok: false; code: CustomerKeyCode };

export interface KeyedCustomer {
	id: string;
	name: string;
	phones: readonly string[];
	emails: readonly string[];
}

/** Phones as stored (E.164, an extension after ";ext=") without the extension. */
const phoneKey = (p: string): string => p.split(';ext=')[0] ?? p;
const AMBIGUOUS = '\u0000ambiguous';

function put(map: Map<string, string>, key: string, id: string): void {
	if (!key) return;
	const had = map.get(key);
	map.set(key, had === undefined || had === id ? id : AMBIGUOUS);
}

export class CustomerKeyIndex {
	readonly #ids = new Set<string>();
	readonly #emails = new Map<string, string>();
	readonly #phones = new Map<string, string>();
	readonly #names = new Map<string, string>();
	readonly #phone: (raw: string) => PhoneResult;

	/** `normalizePhone` reads a phone as written in the file (13812345678 → +8613812345678). */
	constructor(customers: Iterable<KeyedCustomer>, normalizePhone: (raw: string) => PhoneResult) {
		this.#phone = normalizePhone;
		for (const c of customers) {
			this.#ids.add(c.id);
			for (const e of c.emails) put(this.#emails, emailKey(e), c.id);
			for (const p of c.phones) put(this.#phones, phoneKey(p), c.id);
			put(this.#names, looseKey(c.name), c.id);
		}
	}

	resolve(raw: string): CustomerKeyResult {
		const key = raw.trim();
		if (this.#ids.has(key)) return { ok: true, id: key };
		const hit = (map: Map<string, string>, k: string): CustomerKeyResult | null => {
			const id = k ? map.get(k) : undefined;
			if (id === undefined) return null;
			return id === AMBIGUOUS ? { ok: false, code: 'customer_ambiguous' } : { ok: true, id };
		};
		if (key.includes('@')) {
			const byEmail = hit(this.#emails, emailKey(key));
			if (byEmail) return byEmail;
		}
		if (/\d{5}/.test(key.replace(/[\s\-()]/g, ''))) {
			const p = this.#phone(key);
			const byPhone = p.ok ? hit(this.#phones, phoneKey(p.value)) : null;
			if (byPhone) return byPhone;
		}
		return hit(this.#names, looseKey(key)) ?? { ok: false, code: 'customer_not_found' };
	}
}
