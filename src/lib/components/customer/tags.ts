/** "vip, 老客户，b2b" → ['vip', '老客户', 'b2b']: split on ASCII or full-width commas, trim, dedupe. */
export function splitTags(text: string): string[] {
	const out: string[] = [];
	for (const part of text.split(/[,，、;；]/)) {
		const tag = part.trim();
		if (tag && !out.includes(tag)) out.push(tag);
	}
	return out;
}
