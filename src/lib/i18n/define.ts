/**
 * One message file per feature holds both languages. The zh-CN table must have exactly the keys
 * of the English one: the type checker refuses a missing or extra key.
 * Placeholders are written {name} and filled by `t(key, { name })`.
 */
export function defineMessages<const E extends Record<string, string>>(messages: {
	en: E;
	zh: { [K in keyof E]: string };
}): { en: E; zh: { [K in keyof E]: string } } {
	return messages;
}
